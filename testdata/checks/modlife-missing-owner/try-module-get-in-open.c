/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): no .owner, but
 * open() takes a reference on this module itself (try_module_get), as code
 * ported from 2.4 does in place of MOD_INC_USE_COUNT. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/errno.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	module_put(THIS_MODULE);
	return 0;
}

static const struct file_operations foo_fops = {
	.open		= foo_open,
	.release	= foo_release,
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
MODULE_LICENSE("GPL");
