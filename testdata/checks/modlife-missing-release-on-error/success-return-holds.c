/*
 * modlife-missing-dec-on-error: open() takes the count and returns 0 while
 * still holding it. That is the point: the open file keeps the module
 * loaded, and release() drops the count. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

static int foo_opens;

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	foo_opens++;
	file->private_data = NULL;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	foo_opens--;
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
