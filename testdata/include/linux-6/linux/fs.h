/* modlife test mock of the Linux 6.1 <linux/fs.h>: files, inodes and their ops tables. */
#ifndef _MOCK6_LINUX_FS_H
#define _MOCK6_LINUX_FS_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <linux/kdev_t.h>
#include <linux/fcntl.h>
#include <linux/mutex.h>
#include <linux/err.h>
#include <linux/module.h>

struct module;
struct dentry;
struct file;
struct inode;
struct super_block;
struct vm_area_struct;
struct poll_table_struct;
struct kiocb;
struct iov_iter;
struct fs_context;
struct cdev;
struct pipe_inode_info;
struct fs_parameter_spec;
struct file_system_type;
struct inode_operations;
struct super_operations;

typedef void *fl_owner_t;

#define FMODE_READ ((__force fmode_t)0x1)
#define FMODE_WRITE ((__force fmode_t)0x2)

#define CHRDEV_MAJOR_MAX 512

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	unsigned long i_ino;
	dev_t i_rdev;
	loff_t i_size;
	/* As in 6.1: i_fop shares an anonymous union with free_inode. */
	union {
		const struct file_operations *i_fop;
		void (*free_inode)(struct inode *);
	};
	union {
		struct pipe_inode_info *i_pipe;
		struct cdev *i_cdev;
		char *i_link;
	};
	void *i_private;
};

struct file {
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	void *private_data;
};

/* owner pins the module whose code the methods are while a file is open. */
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, fl_owner_t id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, loff_t, loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *, struct dentry *, unsigned int);
	int (*permission)(struct inode *, int);
};

struct super_block {
	struct list_head s_list;
	dev_t s_dev;
	unsigned long s_blocksize;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags;
	unsigned long s_magic;
	struct dentry *s_root;
	void *s_fs_info;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	int (*statfs)(struct dentry *, void *);
};

#define FS_REQUIRES_DEV 1
#define FS_USERNS_MOUNT 8

/* owner pins the module while a file system of this type is mounted. */
struct file_system_type {
	const char *name;
	int fs_flags;
	int (*init_fs_context)(struct fs_context *);
	const struct fs_parameter_spec *parameters;
	struct dentry *(*mount)(struct file_system_type *, int, const char *, void *);
	void (*kill_sb)(struct super_block *);
	struct module *owner;
	struct file_system_type *next;
	struct hlist_head fs_supers;
};

extern int register_filesystem(struct file_system_type *fs);
extern int unregister_filesystem(struct file_system_type *fs);
extern struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
				  int (*fill_super)(struct super_block *, void *, int));
extern void kill_litter_super(struct super_block *sb);
extern void kill_anon_super(struct super_block *sb);

/*
 * Pin and unpin the module behind an ops table. fops_get() yields NULL when
 * the owner is going away.
 */
#define fops_get(fops) \
	(((fops) && try_module_get((fops)->owner) ? (fops) : NULL))
#define fops_put(fops) \
	do { if (fops) module_put((fops)->owner); } while (0)
/* Only from ->open(): fops must be non-NULL and already pinned. */
#define replace_fops(f, fops) \
	do { \
		struct file *__file = (f); \
		fops_put(__file->f_op); \
		BUG_ON(!(__file->f_op = (fops))); \
	} while (0)

/* Character device numbers. */
extern int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			       const char *name);
extern int register_chrdev_region(dev_t from, unsigned count, const char *name);
extern void unregister_chrdev_region(dev_t from, unsigned count);
extern int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			     const char *name, const struct file_operations *fops);
extern void __unregister_chrdev(unsigned int major, unsigned int baseminor,
				unsigned int count, const char *name);

static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

static inline unsigned iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

extern struct file *filp_open(const char *filename, int flags, umode_t mode);
extern int filp_close(struct file *filp, fl_owner_t id);

extern loff_t no_llseek(struct file *file, loff_t offset, int whence);
extern loff_t noop_llseek(struct file *file, loff_t offset, int whence);
extern int nonseekable_open(struct inode *inode, struct file *filp);
extern int simple_open(struct inode *inode, struct file *file);
extern ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				       const void *from, size_t available);

#endif /* _MOCK6_LINUX_FS_H */
