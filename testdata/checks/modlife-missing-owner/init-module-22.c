/*
 * modlife-missing-owner, Linux 2.2 style: init_module() and cleanup_module()
 * written by hand instead of module_init(). That is a module too, and its
 * file_operations set no owner while open() does not count.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static struct file_operations foo_fops = { /* expected-warning {{'foo_fops' does not set 'owner'}} */
	open:		foo_open,
};

int init_module(void)
{
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

void cleanup_module(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}
