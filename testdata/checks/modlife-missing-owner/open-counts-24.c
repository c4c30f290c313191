/*
 * modlife-missing-owner, Linux 2.4: the legacy idiom. file_operations has no
 * owner, but open() pins the module itself with MOD_INC_USE_COUNT (and
 * release() drops it), so the module cannot go away while the file is
 * open. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOO_MAJOR 240

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	open:		foo_open,
	release:	foo_release,
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
