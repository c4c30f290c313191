/*
 * modlife-sleep-before-inc: the sleep happens on one branch only (first open
 * of minor 1 allocates its buffer). One path that sleeps before the
 * increment is enough for the race.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FOO_MAJOR 240
#define FOO_BUFSIZE 4096

static char *foo_capture_buf;

static int foo_open(struct inode *inode, struct file *file)
{
	if (MINOR(inode->i_rdev) == 1 && !foo_capture_buf)
		foo_capture_buf = kmalloc(FOO_BUFSIZE, GFP_KERNEL); // expected-warning{{'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
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
	kfree(foo_capture_buf);
}

module_init(foo_init);
module_exit(foo_exit);
