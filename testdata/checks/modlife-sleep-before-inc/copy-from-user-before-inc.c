/*
 * modlife-sleep-before-inc: copy_from_user() before MOD_INC_USE_COUNT.
 * In 2.4 copy_from_user is a macro over __generic_copy_from_user(); touching
 * user memory may page-fault, and the fault handler may sleep. This open()
 * loads the defaults a previous FOO_SET_DEFAULTS ioctl pointed it at.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <asm/uaccess.h>

#define FOO_MAJOR 240

struct foo_config {
	int speed;
	int parity;
};

#define FOO_SET_DEFAULTS _IOW('f', 1, struct foo_config *)

static struct foo_config foo_cfg;
static const struct foo_config *foo_user_defaults;

static int foo_open(struct inode *inode, struct file *file)
{
	if (foo_user_defaults &&
	    copy_from_user(&foo_cfg, foo_user_defaults, sizeof(foo_cfg))) // expected-warning{{'copy_from_user' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		return -EFAULT;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_ioctl(struct inode *inode, struct file *file,
		     unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case FOO_SET_DEFAULTS:
		foo_user_defaults = (const struct foo_config *)arg;
		return 0;
	default:
		return -ENOTTY;
	}
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
