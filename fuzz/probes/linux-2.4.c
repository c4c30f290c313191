/*
 * The fixed translation unit the rule-pack fuzzer analyzes under each
 * mutated pack (with the 2.4 mocks): every kind of primitive, called with
 * too few, enough and too many arguments, through macros and through
 * pointers, so that a pack naming any argument index meets all of them.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/kmod.h>
#include <asm/uaccess.h>
#include <asm/semaphore.h>

static DECLARE_MUTEX(probe_sem);
static char *probe_buf;
static int (*probe_hook)(void);
extern int probe_ext(int a, ...);
extern void probe_none(void);

static int probe_helper(int flags)
{
	probe_buf = kmalloc(64, flags);
	return probe_buf ? 0 : -ENOMEM;
}

static int probe_open(struct inode *inode, struct file *file)
{
	int err;

	if (probe_ext(1, 2, 3, 4, 5, 6, 7, 8))
		return -EBUSY;
	probe_none();
	err = probe_helper(GFP_KERNEL);
	if (err)
		return err;
	MOD_INC_USE_COUNT;
	if (down_interruptible(&probe_sem)) {
		MOD_DEC_USE_COUNT;
		return -EINTR;
	}
	if (probe_hook && probe_hook() < 0)
		goto fail;
	if (request_module("probe-extra") != 0)
		goto fail;
	up(&probe_sem);
	return 0;
fail:
	up(&probe_sem);
	return -ENODEV;
}

static int probe_release(struct inode *inode, struct file *file)
{
	kfree(probe_buf);
	MOD_DEC_USE_COUNT;
	return 0;
}

static ssize_t probe_read(struct file *file, char *buf, size_t len, loff_t *pos)
{
	if (!try_inc_mod_count(THIS_MODULE))
		return -ENODEV;
	if (copy_to_user(buf, "x", 1)) {
		__MOD_DEC_USE_COUNT(THIS_MODULE);
		return -EFAULT;
	}
	__MOD_DEC_USE_COUNT(THIS_MODULE);
	return 1;
}

static struct file_operations probe_fops = {
	owner:		THIS_MODULE,
	open:		probe_open,
	read:		probe_read,
	release:	probe_release,
};

static struct file_operations probe_fops_unowned = {
	.open = probe_open,
	.release = probe_release,
};

static int probe_thread(void *arg)
{
	MOD_INC_USE_COUNT;
	schedule();
	MOD_DEC_USE_COUNT;
	return 0;
}

static int __init probe_init(void)
{
	if (register_chrdev(240, "probe", &probe_fops))
		return -EIO;
	(void)probe_fops_unowned;
	kernel_thread(probe_thread, NULL, 0);
	return request_module("probe-helper");
}

static void __exit probe_exit(void)
{
	unregister_chrdev(240, "probe");
}

module_init(probe_init);
module_exit(probe_exit);
