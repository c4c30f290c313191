/*
 * modlife-request-module-in-init, Linux 2.4: request_module() in open(),
 * after the module has loaded, is fine for this check; so is a helper that
 * loads but that init never calls. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kmod.h>
#include <linux/fs.h>
#include <linux/errno.h>

static int load_backend(void)
{
	return request_module("char-major-42");
}

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	if (load_backend() != 0) {
		MOD_DEC_USE_COUNT;
		return -ENODEV;
	}
	return 0;
}

static struct file_operations foo_fops = {
	open: foo_open,
};

static int __init foo_init(void)
{
	return register_chrdev(42, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(42, "foo");
}

module_init(foo_init);
module_exit(foo_exit);

/* expected-no-diagnostics */
