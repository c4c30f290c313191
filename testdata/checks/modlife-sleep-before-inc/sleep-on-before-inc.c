/*
 * modlife-sleep-before-inc: the 2.2 "wait until the device is free" loop.
 * interruptible_sleep_on() sleeps by definition; the module count must be
 * taken before the loop, not after it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/wait.h>

#define FOO_MAJOR 240

static DECLARE_WAIT_QUEUE_HEAD(foo_wait);
static int foo_busy;

static int foo_open(struct inode *inode, struct file *file)
{
	while (foo_busy) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		interruptible_sleep_on(&foo_wait); // expected-warning{{'interruptible_sleep_on' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
	foo_busy = 1;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	foo_busy = 0;
	wake_up_interruptible(&foo_wait);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.open = foo_open,
	.release = foo_release,
};

static int __init foo_init(void)
{
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
