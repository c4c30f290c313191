/*
 * modlife-sleep-before-inc: the same sleep-then-increment shape in functions
 * that are not entry points. foo_attach() is reached through EXPORT_SYMBOL
 * (the exporting module is pinned by the symbol reference), and foo_ioctl()
 * runs on an open file whose open() already holds a count. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/ioctl.h>
#include <asm/uaccess.h>

// expected-no-diagnostics

#define FOO_MAJOR 240
#define FOO_IRQ 9

#define FOO_LOCK_MODULE _IOW('f', 2, int)
#define FOO_UNLOCK_MODULE _IO('f', 3)

static int foo_locked;

static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
}

/* Called by the companion foo_cs module through its symbol reference. */
int foo_attach(void *cookie)
{
	if (request_irq(FOO_IRQ, foo_interrupt, SA_SHIRQ, "foo", cookie))
		return -EBUSY;
	MOD_INC_USE_COUNT;
	return 0;
}
EXPORT_SYMBOL(foo_attach);

void foo_detach(void *cookie)
{
	free_irq(FOO_IRQ, cookie);
	MOD_DEC_USE_COUNT;
}
EXPORT_SYMBOL(foo_detach);

static int foo_ioctl(struct inode *inode, struct file *file,
		     unsigned int cmd, unsigned long arg)
{
	int key;

	switch (cmd) {
	case FOO_LOCK_MODULE:
		if (copy_from_user(&key, (int *)arg, sizeof(key)))
			return -EFAULT;
		if (foo_locked)
			return -EBUSY;
		foo_locked = key;
		MOD_INC_USE_COUNT;
		return 0;
	case FOO_UNLOCK_MODULE:
		if (!foo_locked)
			return -EINVAL;
		foo_locked = 0;
		MOD_DEC_USE_COUNT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.ioctl = foo_ioctl,
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
