/*
 * modlife-sleep-before-inc: an entry point that sleeps but never does
 * MOD_INC_USE_COUNT. This check only reports a sleep that precedes an
 * increment in the same function; an open() that never counts is a
 * different problem. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

struct foo_state {
	int minor;
	int flags;
};

static int foo_open(struct inode *inode, struct file *file)
{
	struct foo_state *st;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	st->minor = MINOR(inode->i_rdev);
	st->flags = 0;
	file->private_data = st;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static struct file_operations foo_fops = {
	.open = foo_open,
	.release = foo_release,
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
