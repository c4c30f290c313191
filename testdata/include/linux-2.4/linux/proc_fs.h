/* modlife test mock of the Linux 2.4 <linux/proc_fs.h>. */
#ifndef _MOCK24_LINUX_PROC_FS_H
#define _MOCK24_LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/fs.h>

struct module;

typedef int (read_proc_t)(char *page, char **start, off_t off, int count,
			  int *eof, void *data);
typedef int (write_proc_t)(struct file *file, const char *buffer,
			   unsigned long count, void *data);

struct proc_dir_entry {
	unsigned short low_ino;
	unsigned short namelen;
	const char *name;
	mode_t mode;
	nlink_t nlink;
	uid_t uid;
	gid_t gid;
	unsigned long size;
	struct inode_operations *proc_iops;
	struct file_operations *proc_fops;
	struct proc_dir_entry *next, *parent, *subdir;
	void *data;
	read_proc_t *read_proc;
	write_proc_t *write_proc;
	atomic_t count;
	int deleted;
	struct module *owner;
};

#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IRUGO 00444
#define S_IWUSR 00200

extern struct proc_dir_entry proc_root;
extern struct proc_dir_entry *proc_net;
extern struct proc_dir_entry *proc_bus;
extern struct proc_dir_entry *proc_root_driver;

extern struct proc_dir_entry *create_proc_entry(const char *name, mode_t mode,
						struct proc_dir_entry *parent);
extern void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
extern struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);

static inline struct proc_dir_entry *create_proc_read_entry(const char *name,
	mode_t mode, struct proc_dir_entry *base, read_proc_t *read_proc, void *data)
{
	struct proc_dir_entry *res = create_proc_entry(name, mode, base);
	if (res) {
		res->read_proc = read_proc;
		res->data = data;
	}
	return res;
}

#endif /* _MOCK24_LINUX_PROC_FS_H */
