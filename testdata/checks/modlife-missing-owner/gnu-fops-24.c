/*
 * modlife-missing-owner, Linux 2.4: a character driver whose file_operations
 * has no owner and whose open() does not count either. Nothing pins the
 * module while the kernel is in open(): rmmod can free the code under it.
 * The fix-it adds the owner in the list's own "field:" style and alignment.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	return 0;
}

static struct file_operations foo_fops = { /* expected-warning {{'foo_fops' does not set 'owner': nothing pins this module while the kernel calls its functions}} */
	open:		foo_open, /* expected-note {{'foo_open' can be called while this module is being removed}} */
	release:	foo_release,
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
