/*
 * modlife-sleep-before-inc: an entry point that sleeps but never does
 * MOD_INC_USE_COUNT. This check only reports a sleep that precedes an
 * increment in the same function. An open() that never counts is a
 * different problem, and modlife-missing-owner reports it at the fops.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

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

static struct file_operations foo_fops = { // expected-warning {{'foo_fops' does not set 'owner'}}
	.open = foo_open, // expected-note {{'foo_open' can be called while this module is being removed}}
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
