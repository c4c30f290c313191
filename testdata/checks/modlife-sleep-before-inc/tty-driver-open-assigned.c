/*
 * modlife-sleep-before-inc: a 2.4 serial driver filling in its tty_driver by
 * assignment in the init function (foo_driver.open = foo_tty_open), the way
 * serial.c did. tty_driver has no owner in 2.4.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/mm.h>

#define FOO_TTY_MAJOR 243
#define FOO_NR_PORTS 4

static struct tty_driver foo_driver;
static int foo_refcount;
static struct tty_struct *foo_table[FOO_NR_PORTS];
static struct termios *foo_termios[FOO_NR_PORTS];
static struct termios *foo_termios_locked[FOO_NR_PORTS];
static unsigned long foo_xmit_page;

static int foo_tty_open(struct tty_struct *tty, struct file *filp)
{
	if (!foo_xmit_page) {
		foo_xmit_page = get_zeroed_page(GFP_KERNEL); // expected-warning{{'get_zeroed_page' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		if (!foo_xmit_page)
			return -ENOMEM;
	}
	MOD_INC_USE_COUNT;
	return 0;
}

static void foo_tty_close(struct tty_struct *tty, struct file *filp)
{
	MOD_DEC_USE_COUNT;
}

static int __init foo_tty_init(void)
{
	memset(&foo_driver, 0, sizeof(foo_driver));
	foo_driver.magic = TTY_DRIVER_MAGIC;
	foo_driver.driver_name = "foo_serial";
	foo_driver.name = "ttyF";
	foo_driver.major = FOO_TTY_MAJOR;
	foo_driver.num = FOO_NR_PORTS;
	foo_driver.type = TTY_DRIVER_TYPE_SERIAL;
	foo_driver.subtype = SERIAL_TYPE_NORMAL;
	foo_driver.refcount = &foo_refcount;
	foo_driver.table = foo_table;
	foo_driver.termios = foo_termios;
	foo_driver.termios_locked = foo_termios_locked;
	foo_driver.open = foo_tty_open;
	foo_driver.close = foo_tty_close;
	return tty_register_driver(&foo_driver);
}

static void __exit foo_tty_exit(void)
{
	tty_unregister_driver(&foo_driver);
	if (foo_xmit_page)
		free_page(foo_xmit_page);
}

module_init(foo_tty_init);
module_exit(foo_tty_exit);
