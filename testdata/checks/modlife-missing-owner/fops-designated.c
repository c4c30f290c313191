/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a module's
 * file_operations without .owner. chrdev_open() pins fops->owner before it
 * calls open(); with no owner nothing holds the module while the file is
 * open, and rmmod frees the code and the struct under it. The fix-it adds
 * the owner first, aligned like the other fields.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static ssize_t foo_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations foo_fops = { // expected-warning {{'foo_fops' does not set 'owner': nothing pins this module while the kernel calls its functions}}
	.read		= foo_read, // expected-note {{'foo_read' can be called while this module is being removed}}
	.open		= foo_open,
	.release	= foo_release,
	.llseek		= noop_llseek,
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
