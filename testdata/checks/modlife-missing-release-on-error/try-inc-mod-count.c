/*
 * modlife-missing-dec-on-error: 2.4's try_inc_mod_count() on a sub-driver's
 * owner, the way fops_get() pins another module. The reference is held only
 * after it succeeds; the later -EIO forgets __MOD_DEC_USE_COUNT.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define FOO_MAJOR 240
#define FOO_MAX_SUB 4

struct foo_subdriver {
	struct module *owner;
	int (*open)(struct inode *inode, struct file *file);
};

static struct foo_subdriver *foo_subs[FOO_MAX_SUB];

static int foo_open(struct inode *inode, struct file *file)
{
	struct foo_subdriver *sub = foo_subs[MINOR(inode->i_rdev) % FOO_MAX_SUB];

	if (!sub || !try_inc_mod_count(sub->owner))
		return -ENODEV;
	if (sub->open(inode, file) < 0)
		return -EIO; // expected-warning{{failure return keeps the module reference taken by 'try_inc_mod_count'}}
	file->private_data = sub;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	struct foo_subdriver *sub = file->private_data;

	__MOD_DEC_USE_COUNT(sub->owner);
	return 0;
}

static struct file_operations foo_fops = {
	owner: THIS_MODULE,
	open: foo_open,
	release: foo_release,
};

int foo_register_subdriver(struct foo_subdriver *sub, int slot)
{
	if (slot < 0 || slot >= FOO_MAX_SUB || foo_subs[slot])
		return -EBUSY;
	foo_subs[slot] = sub;
	return 0;
}
EXPORT_SYMBOL(foo_register_subdriver);

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
