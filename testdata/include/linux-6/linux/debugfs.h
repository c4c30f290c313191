/* modlife test mock of the Linux 6.1 <linux/debugfs.h>: files in debugfs. */
#ifndef _MOCK6_LINUX_DEBUGFS_H
#define _MOCK6_LINUX_DEBUGFS_H

#include <linux/fs.h>
#include <linux/types.h>

struct dentry;

/*
 * debugfs wraps fops in a proxy that takes the file's "active" reference
 * around each call, and debugfs_remove() waits for those to drain.
 */
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_size(const char *name, umode_t mode,
					struct dentry *parent, void *data,
					const struct file_operations *fops,
					loff_t file_size);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
void debugfs_remove(struct dentry *dentry);
#define debugfs_remove_recursive debugfs_remove

#endif /* _MOCK6_LINUX_DEBUGFS_H */
