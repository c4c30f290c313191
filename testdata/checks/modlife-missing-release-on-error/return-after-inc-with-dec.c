/*
 * modlife-missing-dec-on-error: the same early failure, with
 * MOD_DEC_USE_COUNT in braces before the return. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240
#define FOO_NR_UNITS 4

static int foo_present[FOO_NR_UNITS];

static int foo_open(struct inode *inode, struct file *file)
{
	unsigned int unit = MINOR(inode->i_rdev);

	MOD_INC_USE_COUNT;
	if (unit >= FOO_NR_UNITS || !foo_present[unit]) {
		MOD_DEC_USE_COUNT;
		return -ENODEV;
	}
	file->private_data = &foo_present[unit];
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

static int __init foo_init(void)
{
	foo_present[0] = 1;
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
