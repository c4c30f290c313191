/*
 * modlife-unbalanced-dec, Linux 2.4: an error path drops the count, then
 * falls through to the common exit that drops it again.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/errno.h>

static int busy;

static int foo_ioctl_reset(void)
{
	int err = 0;

	MOD_INC_USE_COUNT; /* expected-note {{the reference it drops was taken here, and dropped already on this path}} */
	if (busy) {
		MOD_DEC_USE_COUNT;
		err = -EBUSY;
	}
	MOD_DEC_USE_COUNT; /* expected-warning {{'MOD_DEC_USE_COUNT' drops a reference that this path has already dropped}} expected-note {{an extra drop lets the count reach zero}} */
	return err;
}

/* Balanced on every path: silent. */
static int foo_ioctl_ok(void)
{
	int err = 0;

	MOD_INC_USE_COUNT;
	if (busy)
		err = -EBUSY;
	MOD_DEC_USE_COUNT;
	return err;
}

/* A release() method drops what open() took: a contract, not a bug. */
static int foo_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	return foo_ioctl_reset() + foo_ioctl_ok();
}

static struct file_operations foo_fops = {
	open: foo_open,
	release: foo_release,
};
