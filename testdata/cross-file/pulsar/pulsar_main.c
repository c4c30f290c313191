/* pulsar_main.c -- the entry points. Each open() below calls a helper of
 * another file before MOD_INC_USE_COUNT; whether that is a bug depends on
 * what the helper does there, which only the other file's summary says. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/init.h>
#include "pulsar.h"

static struct pulsar_dev pulsar;

/* BUG: pulsar_hw_wake sleeps (kmalloc GFP_KERNEL in pulsar_hw.c). */
static int pulsar_open(struct inode *inode, struct file *file)
{
	int err = pulsar_hw_wake(&pulsar);
	if (err)
		return err;
	MOD_INC_USE_COUNT;
	pulsar.users++;
	return 0;
}

/* Fine: pulsar_hw_poke never sleeps. */
static int pulsar_ctl_open(struct inode *inode, struct file *file)
{
	if (pulsar_hw_poke(&pulsar))
		return -EIO;
	MOD_INC_USE_COUNT;
	return 0;
}

/* Fine: the wrapper is given atomic flags. */
static int pulsar_raw_open(struct inode *inode, struct file *file)
{
	file->private_data = pulsar_hw_alloc(&pulsar, GFP_ATOMIC);
	MOD_INC_USE_COUNT;
	return file->private_data ? 0 : -ENOMEM;
}

/* BUG: the same wrapper, given flags that allow sleeping. */
static int pulsar_log_open(struct inode *inode, struct file *file)
{
	file->private_data = pulsar_hw_alloc(&pulsar, GFP_KERNEL);
	MOD_INC_USE_COUNT;
	return file->private_data ? 0 : -ENOMEM;
}

/* BUG: sleeps two files away (pulsar_hw.c, then pulsar_util.c). */
static int pulsar_sync_open(struct inode *inode, struct file *file)
{
	pulsar_hw_settle(&pulsar);
	MOD_INC_USE_COUNT;
	return 0;
}

/* Fine: the failure path drops the count in pulsar_hw_abort (pulsar_hw.c);
 * analyzed alone, this file would say the count is kept. */
static int pulsar_ioctl_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	if (pulsar_hw_poke(&pulsar)) {
		pulsar_hw_abort(&pulsar);
		return -EIO;
	}
	return 0;
}

static int pulsar_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations pulsar_fops = {
	open: pulsar_open,
	release: pulsar_release,
};
static struct file_operations pulsar_ctl_fops = {
	open: pulsar_ctl_open,
	release: pulsar_release,
};
static struct file_operations pulsar_raw_fops = {
	open: pulsar_raw_open,
	release: pulsar_release,
};
static struct file_operations pulsar_log_fops = {
	open: pulsar_log_open,
	release: pulsar_release,
};
static struct file_operations pulsar_sync_fops = {
	open: pulsar_sync_open,
	release: pulsar_release,
};
static struct file_operations pulsar_ioctl_fops = {
	open: pulsar_ioctl_open,
	release: pulsar_release,
};

static int __init pulsar_init(void)
{
	register_chrdev(240, "pulsar", &pulsar_fops);
	register_chrdev(241, "pulsarctl", &pulsar_ctl_fops);
	register_chrdev(242, "pulsarraw", &pulsar_raw_fops);
	register_chrdev(243, "pulsarlog", &pulsar_log_fops);
	register_chrdev(244, "pulsarsync", &pulsar_sync_fops);
	register_chrdev(245, "pulsarioctl", &pulsar_ioctl_fops);
	return 0;
}
module_init(pulsar_init);
