/*
 * lumen_ctl.c -- /dev/lumenctl, the Lumen control node.
 *
 * Reading it returns the driver's event log (channel opens, faults, link
 * changes). The log buffer is allocated on first open and kept until the
 * module is unloaded.
 */
#include <linux/config.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/miscdevice.h>
#include <asm/semaphore.h>
#include <asm/uaccess.h>

#include "lumen.h"

#define LUMEN_CTL_LOG_SIZE (16 * 1024)
#define LUMEN_CTL_MAX_USERS 8

struct lumen_ctl_state {
	unsigned int pos;
	int verbose;
};

static char *lumen_ctl_log;
static unsigned int lumen_ctl_log_len;
static spinlock_t lumen_ctl_log_lock = SPIN_LOCK_UNLOCKED;
static DECLARE_MUTEX(lumen_ctl_sem);
static int lumen_ctl_users;

static int lumen_ctl_alloc_log(void)
{
	lumen_ctl_log = kmalloc(LUMEN_CTL_LOG_SIZE, GFP_KERNEL);
	if (!lumen_ctl_log)
		return -ENOMEM;
	memset(lumen_ctl_log, 0, LUMEN_CTL_LOG_SIZE);
	lumen_ctl_log_len = 0;
	return 0;
}

void lumen_ctl_log_event(int unit, const char *what)
{
	unsigned long flags;
	char line[64];
	int n;

	if (!lumen_ctl_log)
		return;
	n = snprintf(line, sizeof(line), "lumen%d: %s\n", unit, what);
	spin_lock_irqsave(&lumen_ctl_log_lock, flags);
	if (lumen_ctl_log_len + n <= LUMEN_CTL_LOG_SIZE) {
		memcpy(lumen_ctl_log + lumen_ctl_log_len, line, n);
		lumen_ctl_log_len += n;
	}
	spin_unlock_irqrestore(&lumen_ctl_log_lock, flags);
}

static int lumen_ctl_open(struct inode *inode, struct file *file)
{
	struct lumen_ctl_state *st;
	int err;

	/*
	 * We are called under the big kernel lock and have not counted yet,
	 * so nothing here may sleep: allocate the per-open state atomically.
	 */
	st = kmalloc(sizeof(*st), GFP_ATOMIC);
	if (!st)
		return -ENOMEM;
	st->pos = 0;
	st->verbose = 0;

	if (!lumen_ctl_log && lumen_ctl_alloc_log() < 0) {
		kfree(st);
		return -ENOMEM;
	}

	MOD_INC_USE_COUNT;

	err = -ERESTARTSYS;
	if (down_interruptible(&lumen_ctl_sem))
		goto out_free;
	err = -EBUSY;
	if (lumen_ctl_users >= LUMEN_CTL_MAX_USERS)
		goto out_up;
	lumen_ctl_users++;
	up(&lumen_ctl_sem);

	file->private_data = st;
	return 0;

out_up:
	up(&lumen_ctl_sem);
out_free:
	kfree(st);
	MOD_DEC_USE_COUNT;
	return err;
}

static int lumen_ctl_release(struct inode *inode, struct file *file)
{
	down(&lumen_ctl_sem);
	lumen_ctl_users--;
	up(&lumen_ctl_sem);
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
	return 0;
}

static ssize_t lumen_ctl_read(struct file *file, char *buf, size_t count, loff_t *ppos)
{
	struct lumen_ctl_state *st = file->private_data;
	unsigned int avail;

	if (st->pos >= lumen_ctl_log_len)
		return 0;
	avail = lumen_ctl_log_len - st->pos;
	if (count > avail)
		count = avail;
	if (copy_to_user(buf, lumen_ctl_log + st->pos, count))
		return -EFAULT;
	st->pos += count;
	return count;
}

static struct file_operations lumen_ctl_fops = {
	read:		lumen_ctl_read,
	open:		lumen_ctl_open,
	release:	lumen_ctl_release,
};

static struct miscdevice lumen_ctl_dev = {
	MISC_DYNAMIC_MINOR,
	"lumenctl",
	&lumen_ctl_fops
};

int lumen_ctl_register(void)
{
	return misc_register(&lumen_ctl_dev);
}

void lumen_ctl_unregister(void)
{
	misc_deregister(&lumen_ctl_dev);
	kfree(lumen_ctl_log);
	lumen_ctl_log = NULL;
}
