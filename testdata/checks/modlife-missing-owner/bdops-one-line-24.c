/*
 * modlife-missing-owner, Linux 2.4: block_device_operations written on one
 * line, without an owner (2.4 puts the field last), and open() does not
 * count. The fix-it puts the owner first, on the same line.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 241

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	return 0;
}

static struct block_device_operations foo_bdops = { open: foo_open, release: foo_release }; /* expected-warning {{'foo_bdops' does not set 'owner'}} expected-note {{'foo_open' can be called while this module is being removed}} */

static int __init foo_init(void)
{
	return register_blkdev(FOO_MAJOR, "foo", &foo_bdops);
}

static void __exit foo_exit(void)
{
	unregister_blkdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
