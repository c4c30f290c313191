/*
 * modlife-missing-dec-on-error: a switch on the minor number where the
 * default case returns -EINVAL without MOD_DEC_USE_COUNT. The other cases
 * fall out of the switch and succeed.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 240
#define FOO_MINOR_CTRL 0
#define FOO_MINOR_DATA 1
#define FOO_MINOR_RAW 2

#define FOO_MODE_CTRL 1
#define FOO_MODE_DATA 2
#define FOO_MODE_RAW 3

static int foo_open(struct inode *inode, struct file *file)
{
	int mode;

	MOD_INC_USE_COUNT;
	switch (MINOR(inode->i_rdev)) {
	case FOO_MINOR_CTRL:
		mode = FOO_MODE_CTRL;
		break;
	case FOO_MINOR_DATA:
		mode = FOO_MODE_DATA;
		break;
	case FOO_MINOR_RAW:
		if (!capable(21 /* CAP_SYS_ADMIN */)) {
			MOD_DEC_USE_COUNT;
			return -EPERM;
		}
		mode = FOO_MODE_RAW;
		break;
	default:
		return -EINVAL; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}
	}
	file->private_data = (void *)(long)mode;
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
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
