/*
 * modlife-missing-dec-on-error: open() takes the count and returns whatever
 * a helper returns. The value is not known to be a failure, so this check
 * stays silent (it reports only returns it can prove are failures).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240
#define FOO_NR_UNITS 2

static int foo_unit_ready[FOO_NR_UNITS];

static int foo_do_open(struct inode *inode, struct file *file)
{
	unsigned int unit = MINOR(inode->i_rdev);

	if (unit >= FOO_NR_UNITS)
		return -ENODEV;
	file->private_data = &foo_unit_ready[unit];
	return foo_unit_ready[unit] ? 0 : -EAGAIN;
}

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	return foo_do_open(inode, file);
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
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
