/*
 * modlife-sleep-before-inc: kmalloc(GFP_ATOMIC) before MOD_INC_USE_COUNT.
 * GFP_ATOMIC lacks __GFP_WAIT, so the allocation cannot sleep and the big
 * kernel lock is held throughout. Nothing to report.
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
	int mode;
	unsigned long count;
};

static int foo_open(struct inode *inode, struct file *file)
{
	struct foo_state *st;

	st = kmalloc(sizeof(*st), GFP_ATOMIC);
	if (!st)
		return -ENOMEM;
	st->mode = MINOR(inode->i_rdev);
	st->count = 0;
	file->private_data = st;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
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
