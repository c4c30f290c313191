/* modlife test mock of the Linux 2.4 <linux/fs.h>: inodes, files and the ops tables. */
#ifndef _MOCK24_LINUX_FS_H
#define _MOCK24_LINUX_FS_H

#include <linux/config.h>
#include <linux/linkage.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <linux/fcntl.h>
#include <asm/atomic.h>
#include <asm/semaphore.h>

struct module;
struct dentry;
struct file;
struct inode;
struct super_block;
struct vm_area_struct;
struct poll_table_struct;
struct file_lock;
struct buffer_head;

#define READ 0
#define WRITE 1

#define FMODE_READ 1
#define FMODE_WRITE 2

#define MAX_CHRDEV 255
#define MAX_BLKDEV 255
#define BLOCK_SIZE 1024

#define MS_RDONLY 1

struct inode {
	struct list_head i_list;
	unsigned long i_ino;
	atomic_t i_count;
	kdev_t i_dev;
	umode_t i_mode;
	nlink_t i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	kdev_t i_rdev;
	loff_t i_size;
	time_t i_atime;
	time_t i_mtime;
	time_t i_ctime;
	unsigned long i_blocks;
	struct semaphore i_sem;
	struct inode_operations *i_op;
	struct file_operations *i_fop;
	struct super_block *i_sb;
	union {
		void *generic_ip;
	} u;
};

struct file {
	struct list_head f_list;
	struct dentry *f_dentry;
	struct file_operations *f_op;
	atomic_t f_count;
	unsigned int f_flags;
	mode_t f_mode;
	loff_t f_pos;
	void *private_data;
};

typedef int (*filldir_t)(void *, const char *, int, loff_t, ino_t, unsigned);

/* 2.4 order. read, write, ioctl, ... run on an open file; open() does not. */
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char *, size_t, loff_t *);
	int (*readdir)(struct file *, void *, filldir_t);
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	int (*ioctl)(struct inode *, struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, struct dentry *, int datasync);
	int (*fasync)(int, struct file *, int);
	int (*lock)(struct file *, int, struct file_lock *);
};

struct inode_operations {
	int (*create)(struct inode *, struct dentry *, int);
	struct dentry *(*lookup)(struct inode *, struct dentry *);
	int (*unlink)(struct inode *, struct dentry *);
	int (*mkdir)(struct inode *, struct dentry *, int);
	int (*rmdir)(struct inode *, struct dentry *);
};

struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	long f_namelen;
};

struct super_operations {
	void (*read_inode)(struct inode *);
	void (*write_inode)(struct inode *, int);
	void (*put_inode)(struct inode *);
	void (*delete_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	void (*write_super)(struct super_block *);
	int (*statfs)(struct super_block *, struct statfs *);
	int (*remount_fs)(struct super_block *, int *, char *);
	void (*clear_inode)(struct inode *);
};

struct super_block {
	struct list_head s_list;
	kdev_t s_dev;
	unsigned long s_blocksize;
	unsigned char s_blocksize_bits;
	unsigned char s_dirt;
	unsigned long s_flags;
	unsigned long s_magic;
	struct file_system_type *s_type;
	struct super_operations *s_op;
	struct dentry *s_root;
	struct semaphore s_lock;
	union {
		void *generic_sbp;
	} u;
};

struct file_system_type {
	const char *name;
	int fs_flags;
	struct super_block *(*read_super)(struct super_block *, void *, int);
	struct module *owner;
	struct file_system_type *next;
	struct list_head fs_supers;
};

#define FS_REQUIRES_DEV 1
#define FS_SINGLE 8

/* The 2.4 way to declare one: owner is filled in with THIS_MODULE. */
#define DECLARE_FSTYPE(var, type, read, flags) \
struct file_system_type var = { \
	name: type, \
	read_super: read, \
	fs_flags: flags, \
	owner: THIS_MODULE, \
}
#define DECLARE_FSTYPE_DEV(var, type, read) \
	DECLARE_FSTYPE(var, type, read, FS_REQUIRES_DEV)

extern int register_filesystem(struct file_system_type *fs);
extern int unregister_filesystem(struct file_system_type *fs);

/* Block devices: the owner field comes last in 2.4. */
struct block_device_operations {
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	int (*ioctl)(struct inode *, struct file *, unsigned, unsigned long);
	int (*check_media_change)(kdev_t);
	int (*revalidate)(kdev_t);
	struct module *owner;
};

extern int register_chrdev(unsigned int major, const char *name, struct file_operations *fops);
extern int unregister_chrdev(unsigned int major, const char *name);
extern int register_blkdev(unsigned int major, const char *name,
			   struct block_device_operations *bdops);
extern int unregister_blkdev(unsigned int major, const char *name);

/* Buffer cache. */
struct buffer_head {
	struct buffer_head *b_next;
	unsigned long b_blocknr;
	unsigned short b_size;
	kdev_t b_dev;
	unsigned long b_state;
	char *b_data;
};

extern struct buffer_head *bread(kdev_t dev, int block, int size);
extern struct buffer_head *getblk(kdev_t dev, int block, int size);
extern void __brelse(struct buffer_head *bh);
extern void ll_rw_block(int rw, int nr, struct buffer_head *bhs[]);
extern void __wait_on_buffer(struct buffer_head *bh);
extern int set_blocksize(kdev_t dev, int size);

static inline void brelse(struct buffer_head *bh)
{
	if (bh)
		__brelse(bh);
}

/* Superblock locking sleeps on s_lock. */
extern void lock_super(struct super_block *sb);
extern void unlock_super(struct super_block *sb);

extern struct inode *iget(struct super_block *sb, unsigned long ino);
extern void iput(struct inode *inode);
extern struct inode *get_empty_inode(void);
extern struct dentry *d_alloc_root(struct inode *root_inode);

extern struct file *filp_open(const char *name, int flags, int mode);
extern int filp_close(struct file *filp, void *id);

struct fasync_struct {
	int magic;
	int fa_fd;
	struct fasync_struct *fa_next;
	struct file *fa_file;
};

extern loff_t no_llseek(struct file *file, loff_t offset, int origin);
extern int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
extern void kill_fasync(struct fasync_struct **fp, int sig, int band);

/* 2.4's safe way to reach another module's file_operations. */
#define fops_get(fops) \
	(((fops) && (fops)->owner) \
	 ? (try_inc_mod_count((fops)->owner) ? (fops) : NULL) : (fops))
#define fops_put(fops) \
	do { if ((fops) && (fops)->owner) __MOD_DEC_USE_COUNT((fops)->owner); } while (0)

#endif /* _MOCK24_LINUX_FS_H */
