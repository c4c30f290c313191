/*
 * modlife-missing-dec-on-error: a polling loop that breaks out with an error
 * code, followed by "if (err) return err;". In foo_open() that return keeps
 * the count; bar_open() is the same code with MOD_DEC_USE_COUNT on the error
 * path and stays silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/delay.h>
#include <asm/io.h>

#define FOO_MAJOR 240
#define BAR_MAJOR 241
#define FOO_CMD 0x2c0
#define FOO_STATUS 0x2c1
#define FOO_CMD_RESET 0x01
#define FOO_ST_READY 0x01
#define FOO_ST_FAULT 0x80
#define FOO_RESET_POLLS 100

static int foo_wait_ready(int *polls)
{
	int i, err = 0;

	for (i = 0; i < FOO_RESET_POLLS; i++) {
		unsigned char st = inb(FOO_STATUS);

		if (st & FOO_ST_READY)
			break;
		if (st & FOO_ST_FAULT) {
			err = -EIO;
			break;
		}
		udelay(10);
	}
	*polls = i;
	return err;
}

static int foo_open(struct inode *inode, struct file *file)
{
	int i, err = 0;

	MOD_INC_USE_COUNT;
	outb(FOO_CMD_RESET, FOO_CMD);
	for (i = 0; i < FOO_RESET_POLLS; i++) {
		unsigned char st = inb(FOO_STATUS);

		if (st & FOO_ST_READY)
			break;
		if (st & FOO_ST_FAULT) {
			err = -EIO;
			break;
		}
		udelay(10);
	}
	if (err)
		return err; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}
	return 0;
}

static int bar_open(struct inode *inode, struct file *file)
{
	int polls, err;

	MOD_INC_USE_COUNT;
	outb(FOO_CMD_RESET, FOO_CMD);
	err = foo_wait_ready(&polls);
	if (err) {
		MOD_DEC_USE_COUNT;
		return err;
	}
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.open = foo_open,
	.release = foo_release,
};

static struct file_operations bar_fops = {
	.open = bar_open,
	.release = foo_release,
};

static int __init foo_init(void)
{
	int err;

	err = register_chrdev(FOO_MAJOR, "foo", &foo_fops);
	if (err)
		return err;
	err = register_chrdev(BAR_MAJOR, "bar", &bar_fops);
	if (err)
		unregister_chrdev(FOO_MAJOR, "foo");
	return err;
}

static void __exit foo_exit(void)
{
	unregister_chrdev(BAR_MAJOR, "bar");
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
