/*
 * modlife-sleep-before-inc: down() on a semaphore before MOD_INC_USE_COUNT.
 * A contended down() sleeps, and the big kernel lock goes with it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <asm/semaphore.h>

#define FOO_MAJOR 240

static DECLARE_MUTEX(foo_sem);
static int foo_open_count;

static int foo_open(struct inode *inode, struct file *file)
{
	down(&foo_sem); // expected-warning{{'down' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	if (foo_open_count) {
		up(&foo_sem);
		return -EBUSY;
	}
	foo_open_count++;
	up(&foo_sem);
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	down(&foo_sem);
	foo_open_count--;
	up(&foo_sem);
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
