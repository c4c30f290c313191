/*
 * modlife-sleep-before-inc: the corrected open_foo from the January 2000 mail.
 * MOD_INC_USE_COUNT comes first, so request_irq() may sleep safely, and the
 * failure path drops the count again. Nothing to report.
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

static int open_foo(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT; /* must be first */
	if (request_irq(FOO_IRQ, foo_interrupt, 0, "FOO", NULL)) {
		MOD_DEC_USE_COUNT; /* failure path */
		return -EBUSY;
	}
	return 0;
}

static int release_foo(struct inode *inode, struct file *file)
{
	free_irq(FOO_IRQ, NULL);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.open = open_foo,
	.release = release_foo,
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
