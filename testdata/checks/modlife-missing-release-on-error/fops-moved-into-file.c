/*
 * modlife-missing-dec-on-error, regression from Linux 6.1 drivers/char/misc.c,
 * fs/char_dev.c and fs/open.c: the reference fops_get() takes moves into
 * file->f_op, and whoever releases the file drops it (fput() does
 * fops_put(file->f_op)). Failing after the move keeps nothing. Silent.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>

struct gadget {
	const struct file_operations *fops;
};

extern struct gadget *gadget_lookup(int minor);

static int gadget_open(struct inode *inode, struct file *file)
{
	struct gadget *g = gadget_lookup(iminor(inode));
	const struct file_operations *new_fops;
	int err = -ENODEV;

	if (!g)
		return -ENODEV;
	new_fops = fops_get(g->fops);
	if (!new_fops)
		goto fail;
	replace_fops(file, new_fops);
	err = 0;
	if (file->f_op->open)
		err = file->f_op->open(inode, file);
fail:
	return err;
}

static int direct_open(struct inode *inode, struct file *f)
{
	f->f_op = fops_get(inode->i_fop);
	if (!f->f_op)
		return -ENODEV;
	if (!(f->f_mode & FMODE_READ))
		return -EINVAL;
	return 0;
}

static const struct file_operations gadget_fops = {
	.owner = THIS_MODULE,
	.open = gadget_open,
};

const struct file_operations *gadget_entry(int i)
{
	return i ? &gadget_fops : (const void *)direct_open;
}

/* expected-no-diagnostics */
