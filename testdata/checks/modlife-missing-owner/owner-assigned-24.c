/*
 * modlife-missing-owner, Linux 2.4: the owner is not in the initializer but
 * is assigned in init before the struct is registered. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static struct file_operations foo_fops = {
	open:		foo_open,
};

static int __init foo_init(void)
{
	foo_fops.owner = THIS_MODULE;
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
