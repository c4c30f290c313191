/*
 * modlife-sleep-before-inc: the canonical bug from the January 2000 "review
 * all modules for unload races" mail. request_irq() allocates with
 * GFP_KERNEL and may sleep; the big kernel lock is dropped and the module,
 * still at use count zero, can be unloaded before MOD_INC_USE_COUNT runs.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>

#define FOO_MAJOR 240
#define FOO_IRQ 7

static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
}

static int open_foo(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	if (request_irq(FOO_IRQ, foo_interrupt, 0, "FOO", NULL)) { // expected-warning{{'request_irq' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		MOD_DEC_USE_COUNT;
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
