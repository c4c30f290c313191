/*
 * modlife-missing-owner, Linux 2.4: block_device_operations without an owner
 * whose open() pins the module through a helper of the same file that does
 * MOD_INC_USE_COUNT. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 241

static int foo_users;

static void foo_get(void)
{
	MOD_INC_USE_COUNT;
	foo_users++;
}

static int foo_open(struct inode *inode, struct file *file)
{
	foo_get();
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	foo_users--;
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct block_device_operations foo_bdops = {
	open:		foo_open,
	release:	foo_release,
};

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
