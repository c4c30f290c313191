/*
 * modlife-sleep-before-inc: file_operations with "owner: THIS_MODULE". In 2.4
 * the VFS takes the module reference (fops_get) before it calls open(), so a
 * leftover MOD_INC_USE_COUNT after a sleep is redundant, not a race. Nothing
 * to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>

// expected-no-diagnostics

#define FOO_MAJOR 240
#define FOO_IRQ 7

static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
}

static int foo_open(struct inode *inode, struct file *file)
{
	if (request_irq(FOO_IRQ, foo_interrupt, 0, "foo", NULL))
		return -EBUSY;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	free_irq(FOO_IRQ, NULL);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	owner: THIS_MODULE,
	open: foo_open,
	release: foo_release,
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
