// Regression from Linux 2.4.22 serial drivers (serial.c, stallion.c, sx.c...):
// tty_open() calls the driver's close() after a failed open(), and close()
// does MOD_DEC_USE_COUNT. A failed tty open() keeps its count on purpose;
// dropping it there too would underflow. The rule pack says so with
// "failure-cleanup: close" on tty_driver.open. A line discipline's open() has
// no such cleanup: its failure returns must drop the count (n_r3964.c).
#include <linux/module.h>
#include <linux/tty.h>
#include <linux/slab.h>
#include <linux/errno.h>

static int foo_open(struct tty_struct *tty, struct file *filp)
{
	MOD_INC_USE_COUNT;
	if (!tty)
		return -ENODEV;
	return 0;
}

static void foo_close(struct tty_struct *tty, struct file *filp)
{
	MOD_DEC_USE_COUNT;
}

static void *bar_buf;

static int bar_ldisc_open(struct tty_struct *tty)
{
	MOD_INC_USE_COUNT;
	bar_buf = kmalloc(64, GFP_KERNEL);
	if (!bar_buf)
		return -ENOMEM; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}
	return 0;
}

static void bar_ldisc_close(struct tty_struct *tty)
{
	kfree(bar_buf);
	MOD_DEC_USE_COUNT;
}

static struct tty_ldisc bar_ldisc = {
	open:	bar_ldisc_open,
	close:	bar_ldisc_close,
};

static struct tty_driver foo_driver;

int foo_init(void)
{
	foo_driver.open = foo_open;
	foo_driver.close = foo_close;
	if (tty_register_ldisc(9, &bar_ldisc))
		return -EBUSY;
	return tty_register_driver(&foo_driver);
}
