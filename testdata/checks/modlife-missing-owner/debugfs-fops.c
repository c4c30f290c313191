/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a module's
 * debugfs files. debugfs wraps their fops in a proxy that holds the file's
 * active reference around each call, and debugfs_remove() in the exit path
 * waits for the calls to drain, so they need no owner (net/bluetooth/
 * hci_debugfs.c). The same fops handed to a plain character device would
 * need one.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/debugfs.h>
#include <linux/errno.h>

static struct dentry *foo_dir;

static ssize_t foo_mode_read(struct file *file, char __user *buf,
			     size_t count, loff_t *ppos)
{
	return 0;
}

static const struct file_operations foo_mode_fops = {
	.open = simple_open,
	.read = foo_mode_read,
};

static const struct file_operations foo_size_fops = {
	.read = foo_mode_read,
};

static const struct file_operations foo_chrdev_fops = { // expected-warning {{'foo_chrdev_fops' does not set 'owner'}}
	.read = foo_mode_read, // expected-note {{'foo_mode_read' can be called while this module is being removed}}
};

static int __init foo_init(void)
{
	foo_dir = debugfs_create_dir("foo", NULL);
	debugfs_create_file("mode", 0644, foo_dir, NULL, &foo_mode_fops);
	debugfs_create_file_size("size", 0444, foo_dir, NULL, &foo_size_fops, 4);
	return register_chrdev(240, "foo", &foo_chrdev_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(240, "foo");
	debugfs_remove_recursive(foo_dir);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
