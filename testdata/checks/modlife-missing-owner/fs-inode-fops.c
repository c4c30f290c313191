/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a small file
 * system module. Its file_operations go into its own inodes' i_fop: directly,
 * through a helper's parameter, and through the files table of
 * simple_fill_super(). An open file keeps the file system mounted, and the
 * mount pins the module through foo_fs_type.owner, so these need no owner of
 * their own. The mocks have no simple_fill_super(); it is declared here as
 * 6.1 has it. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/errno.h>

// expected-no-diagnostics

struct tree_descr {
	const char *name;
	const struct file_operations *ops;
	int mode;
};

extern int simple_fill_super(struct super_block *s, unsigned long magic,
			     const struct tree_descr *files);
extern struct inode *new_inode(struct super_block *sb);

#define FOOFS_MAGIC 0x464f4f46

static ssize_t foo_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	return 0;
}

static const struct file_operations foo_dir_operations = {
	.read		= foo_read,
	.llseek		= noop_llseek,
};

static const struct file_operations foo_status_operations = {
	.read		= foo_read,
};

static const struct file_operations foo_control_operations = {
	.read		= foo_read,
};

static struct inode *foo_make_inode(struct super_block *sb,
				    const struct file_operations *fops)
{
	struct inode *inode = new_inode(sb);

	if (inode)
		inode->i_fop = fops;
	return inode;
}

static int foo_fill_super(struct super_block *sb, void *data, int silent)
{
	static const struct tree_descr foo_files[] = {
		[2] = { "control", &foo_control_operations, 0600 },
		{ "" }
	};
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	root->i_fop = &foo_dir_operations;
	if (!foo_make_inode(sb, &foo_status_operations))
		return -ENOMEM;
	return simple_fill_super(sb, FOOFS_MAGIC, foo_files);
}

static struct dentry *foo_mount(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, foo_fill_super);
}

static struct file_system_type foo_fs_type = {
	.owner		= THIS_MODULE,
	.name		= "foofs",
	.mount		= foo_mount,
	.kill_sb	= kill_litter_super,
};

static int __init foo_init(void)
{
	return register_filesystem(&foo_fs_type);
}

static void __exit foo_exit(void)
{
	unregister_filesystem(&foo_fs_type);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
