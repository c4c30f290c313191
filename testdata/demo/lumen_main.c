/*
 * lumen_main.c -- Lumen LX controller: module glue and the per-channel
 * character devices /dev/lumen0 .. /dev/lumen3.
 *
 * Reading a channel returns light-sensor samples; writing a byte sets the
 * lamp level; ioctls get and set the level and run fades.
 */
#include <linux/config.h>
#include <linux/module.h>
#include <linux/version.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/poll.h>
#include <linux/delay.h>
#include <asm/uaccess.h>

#include "lumen.h"

MODULE_AUTHOR("The Lumen driver authors");
MODULE_DESCRIPTION("Lumen LX-series lighting controller");
MODULE_LICENSE("GPL");

static int io[LUMEN_MAX_UNITS] = { 0x2a0, 0, 0, 0 };
static int irq[LUMEN_MAX_UNITS] = { 5, 0, 0, 0 };
MODULE_PARM(io, "1-4i");
MODULE_PARM_DESC(io, "I/O base of each board");
MODULE_PARM(irq, "1-4i");
MODULE_PARM_DESC(irq, "IRQ line of each board");

struct lumen_unit lumen_units[LUMEN_MAX_UNITS];

/* Per-open state. */
struct lumen_file {
	struct lumen_unit *unit;
	unsigned long samples_read;
};

static int lumen_open(struct inode *inode, struct file *file)
{
	unsigned int minor = MINOR(inode->i_rdev);
	struct lumen_unit *u;
	struct lumen_file *lf;
	int err;

	MOD_INC_USE_COUNT;

	err = -ENODEV;
	if (minor >= LUMEN_MAX_UNITS || !lumen_units[minor].present)
		goto out;
	u = &lumen_units[minor];

	/* Only one writer may drive the lamp at a time. */
	if ((file->f_mode & FMODE_WRITE) && u->writer)
		return -EBUSY;

	err = -ENOMEM;
	lf = kmalloc(sizeof(*lf), GFP_KERNEL);
	if (!lf)
		goto out;
	memset(lf, 0, sizeof(*lf));
	lf->unit = u;

	if (u->users == 0) {
		err = lumen_hw_power_up(u);
		if (err)
			goto out_free;
		err = -EBUSY;
		if (request_irq(u->irq, lumen_interrupt, SA_SHIRQ, "lumen", u))
			goto out_power_down;
	}
	u->users++;
	if (file->f_mode & FMODE_WRITE)
		u->writer = 1;
	file->private_data = lf;
	return 0;

out_power_down:
	lumen_hw_power_down(u);
out_free:
	kfree(lf);
out:
	MOD_DEC_USE_COUNT;
	return err;
}

static int lumen_release(struct inode *inode, struct file *file)
{
	struct lumen_file *lf = file->private_data;
	struct lumen_unit *u = lf->unit;

	if (file->f_mode & FMODE_WRITE)
		u->writer = 0;
	if (--u->users == 0) {
		free_irq(u->irq, u);
		lumen_hw_power_down(u);
	}
	kfree(lf);
	MOD_DEC_USE_COUNT;
	return 0;
}

static int lumen_fifo_empty(struct lumen_unit *u)
{
	return u->fifo_head == u->fifo_tail;
}

static ssize_t lumen_read(struct file *file, char *buf, size_t count, loff_t *ppos)
{
	struct lumen_file *lf = file->private_data;
	struct lumen_unit *u = lf->unit;
	unsigned long flags;
	unsigned char sample;
	size_t done = 0;

	if (lumen_fifo_empty(u)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(u->read_wait, !lumen_fifo_empty(u)))
			return -ERESTARTSYS;
	}

	while (done < count) {
		spin_lock_irqsave(&u->lock, flags);
		if (lumen_fifo_empty(u)) {
			spin_unlock_irqrestore(&u->lock, flags);
			break;
		}
		sample = u->fifo[u->fifo_tail];
		u->fifo_tail = (u->fifo_tail + 1) % LUMEN_FIFO_SIZE;
		spin_unlock_irqrestore(&u->lock, flags);

		if (put_user(sample, buf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
	}
	lf->samples_read += done;
	return done;
}

static ssize_t lumen_write(struct file *file, const char *buf, size_t count, loff_t *ppos)
{
	struct lumen_file *lf = file->private_data;
	unsigned char level;

	if (!count)
		return 0;
	if (get_user(level, buf + count - 1))
		return -EFAULT;
	lumen_hw_set_level(lf->unit, level);
	return count;
}

static unsigned int lumen_poll(struct file *file, poll_table *wait)
{
	struct lumen_file *lf = file->private_data;
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &lf->unit->read_wait, wait);
	if (!lumen_fifo_empty(lf->unit))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static int lumen_fade(struct lumen_unit *u, struct lumen_fade *f)
{
	int i, level;

	if (f->steps <= 0 || f->steps > 256 || f->from < 0 || f->from > 255 ||
	    f->to < 0 || f->to > 255)
		return -EINVAL;
	for (i = 0; i <= f->steps; i++) {
		level = f->from + (f->to - f->from) * i / f->steps;
		lumen_hw_set_level(u, level);
		mdelay(2);
	}
	return 0;
}

static int lumen_ioctl(struct inode *inode, struct file *file,
		       unsigned int cmd, unsigned long arg)
{
	struct lumen_file *lf = file->private_data;
	struct lumen_unit *u = lf->unit;
	struct lumen_fade fade;
	int value;

	switch (cmd) {
	case LUMEN_SET_LEVEL:
		if (get_user(value, (int *)arg))
			return -EFAULT;
		if (value < 0 || value > 255)
			return -EINVAL;
		lumen_hw_set_level(u, value);
		return 0;
	case LUMEN_GET_LEVEL:
		return put_user((int)u->level, (int *)arg);
	case LUMEN_GET_STATUS:
		return put_user(lumen_hw_status(u), (int *)arg);
	case LUMEN_FADE:
		if (copy_from_user(&fade, (void *)arg, sizeof(fade)))
			return -EFAULT;
		return lumen_fade(u, &fade);
	default:
		return -ENOTTY;
	}
}

static struct file_operations lumen_fops = {
	read:		lumen_read,
	write:		lumen_write,
	poll:		lumen_poll,
	ioctl:		lumen_ioctl,
	open:		lumen_open,
	release:	lumen_release,
};

static void lumen_release_all(void)
{
	int i;

	for (i = 0; i < LUMEN_MAX_UNITS; i++)
		lumen_hw_release(&lumen_units[i]);
}

static int __init lumen_init(void)
{
	int i, found = 0, err;

	printk(KERN_INFO "lumen: LX lighting controller driver " LUMEN_VERSION "\n");

	for (i = 0; i < LUMEN_MAX_UNITS; i++) {
		lumen_units[i].index = i;
		if (io[i] && lumen_hw_probe(&lumen_units[i], io[i], irq[i]) == 0)
			found++;
	}
	if (!found) {
		printk(KERN_NOTICE "lumen: no LX boards found\n");
		return -ENODEV;
	}

	err = register_chrdev(LUMEN_MAJOR, "lumen", &lumen_fops);
	if (err) {
		printk(KERN_ERR "lumen: cannot get major %d\n", LUMEN_MAJOR);
		goto out_hw;
	}

	err = lumen_ctl_register();
	if (err)
		goto out_chrdev;

	/* The light-link port is optional: a board without it still works. */
	for (i = 0; i < LUMEN_MAX_UNITS; i++)
		if (lumen_units[i].present && lumen_net_probe(&lumen_units[i]))
			printk(KERN_WARNING "lumen%d: no light-link interface\n", i);
	return 0;

out_chrdev:
	unregister_chrdev(LUMEN_MAJOR, "lumen");
out_hw:
	lumen_release_all();
	return err;
}

static void __exit lumen_exit(void)
{
	int i;

	for (i = 0; i < LUMEN_MAX_UNITS; i++)
		if (lumen_units[i].present)
			lumen_net_remove(&lumen_units[i]);
	lumen_ctl_unregister();
	unregister_chrdev(LUMEN_MAJOR, "lumen");
	lumen_release_all();
}

module_init(lumen_init);
module_exit(lumen_exit);
