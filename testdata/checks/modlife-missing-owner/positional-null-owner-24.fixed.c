/*
 * modlife-missing-owner, Linux 2.4: a positional file_operations initializer
 * in the 2.4 field order, which starts with owner. Its NULL there leaves the
 * module unpinned, and open() does not count. The fix-it writes THIS_MODULE
 * in the owner's slot.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 240

static ssize_t foo_read(struct file *file, char *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static struct file_operations foo_fops = { /* expected-warning {{'foo_fops' does not set 'owner'}} */
	THIS_MODULE,		/* owner */
	NULL,		/* llseek */
	foo_read,	/* read */
	NULL,		/* write */
	NULL,		/* readdir */
	NULL,		/* poll */
	NULL,		/* ioctl */
	NULL,		/* mmap */
	foo_open,	/* open */ /* expected-note {{'foo_open' can be called while this module is being removed}} */
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
