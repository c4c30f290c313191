/*
 * modlife-missing-dec-on-error: a goto-unwinding open() whose ladder ends in
 * MOD_DEC_USE_COUNT, and one early "return -EAGAIN;" that skips the ladder
 * and keeps the count. A failed open() is never followed by release(), so
 * the module can never be unloaded again.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/ioport.h>
#include <asm/io.h>

#define FOO_MAJOR 240
#define FOO_BASE 0x280
#define FOO_EXTENT 16
#define FOO_IRQ 5
#define FOO_CTRL (FOO_BASE + 2)

static int foo_in_use;

static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
}

static int foo_reset_chip(void)
{
	outb(0x80, FOO_CTRL);
	return (inb(FOO_CTRL) & 0x80) ? -EIO : 0;
}

static int foo_open(struct inode *inode, struct file *file)
{
	int err;

	MOD_INC_USE_COUNT;
	if (foo_in_use)
		return -EAGAIN; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}

	err = -EBUSY;
	if (request_irq(FOO_IRQ, foo_interrupt, 0, "foo", NULL))
		goto out;
	err = -EBUSY;
	if (!request_region(FOO_BASE, FOO_EXTENT, "foo"))
		goto out_free_irq;
	err = foo_reset_chip();
	if (err)
		goto out_release;
	foo_in_use = 1;
	return 0;

out_release:
	release_region(FOO_BASE, FOO_EXTENT);
out_free_irq:
	free_irq(FOO_IRQ, NULL);
out:
	MOD_DEC_USE_COUNT;
	return err;
}

static int foo_release(struct inode *inode, struct file *file)
{
	release_region(FOO_BASE, FOO_EXTENT);
	free_irq(FOO_IRQ, NULL);
	foo_in_use = 0;
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
