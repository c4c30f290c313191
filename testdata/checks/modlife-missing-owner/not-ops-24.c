/*
 * modlife-missing-owner, Linux 2.4: structs with an owner field that are not
 * ops structs this check looks at. A file_system_type that wires no function,
 * one declared with DECLARE_FSTYPE (which fills in the owner), one whose
 * "owner: NULL" is written out on purpose, and a file_operations that is no
 * file-scope definition. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

static struct super_block *foo_read_super(struct super_block *sb, void *data,
					  int silent)
{
	return sb;
}

static struct file_system_type foo_unused_fs = {
	name:		"foo-unused",
};

static DECLARE_FSTYPE_DEV(foo_fs, "foo", foo_read_super);

static struct file_system_type foo_builtin_fs = {
	name:		"foo-builtin",
	read_super:	foo_read_super,
	owner:		NULL,
};

extern struct file_operations foo_extern_fops;

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static int __init foo_init(void)
{
	static struct file_operations foo_local_fops = {
		open:		foo_open,
	};

	register_filesystem(&foo_builtin_fs);
	register_chrdev(240, "foo", &foo_local_fops);
	return register_filesystem(&foo_fs);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(240, "foo");
	unregister_filesystem(&foo_builtin_fs);
	unregister_filesystem(&foo_fs);
}

module_init(foo_init);
module_exit(foo_exit);
