/* nebula_ops.c -- the file methods. Nothing in this file says they are
 * entry points: nebula_main.c stores them in its file_operations. */
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include "nebula.h"

/* BUG: sleeps before MOD_INC_USE_COUNT, and nebula_main.c wires it as
 * file_operations.open, with no owner to pin the module. */
int nebula_open(struct inode *inode, struct file *file)
{
	file->private_data = kmalloc(128, GFP_KERNEL);
	if (!file->private_data)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

int nebula_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
	return 0;
}

/* Fine: the same shape, but its file_operations sets the owner, so the
 * caller pins the module before it calls in. */
int nebula_ctl_open(struct inode *inode, struct file *file)
{
	file->private_data = kmalloc(64, GFP_KERNEL);
	if (!file->private_data)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

/* Fine: no file wires it; it is called with the count already held. */
int nebula_reset(void)
{
	void *scratch = kmalloc(32, GFP_KERNEL);
	MOD_INC_USE_COUNT;
	kfree(scratch);
	MOD_DEC_USE_COUNT;
	return 0;
}
