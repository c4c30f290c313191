/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a template
 * file_operations whose copies get their owner through a pointer at run
 * time; which object the pointer names is not known, so every struct of the
 * type counts as owned. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static struct file_operations foo_fops = {
	.open		= foo_open,
};

static void foo_set_owner(struct file_operations *fops)
{
	fops->owner = THIS_MODULE;
}

static int __init foo_init(void)
{
	foo_set_owner(&foo_fops);
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
