/*
 * modlife-missing-owner, Linux 6.1 built in (modlife-mock: linux-6-builtin):
 * the same file_operations without .owner, compiled into the kernel.
 * module_init() writes an initcall, THIS_MODULE is NULL, and the code can
 * never be unloaded, so an owner means nothing here. Silent.
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

static const struct file_operations foo_fops = {
	.open		= foo_open,
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
