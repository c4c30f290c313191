/* modlife test mock of the Linux 6.1 <linux/proc_fs.h>: /proc entries. */
#ifndef _MOCK6_LINUX_PROC_FS_H
#define _MOCK6_LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/fs.h>

struct proc_dir_entry;
struct seq_file;

/* Since 5.6 /proc files have their own ops table, and it has no owner field. */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *, struct file *);
	ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_write)(struct file *, const char __user *, size_t, loff_t *);
	loff_t (*proc_lseek)(struct file *, loff_t, int);
	int (*proc_release)(struct inode *, struct file *);
	__poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
	int (*proc_mmap)(struct file *, struct vm_area_struct *);
};

extern struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
extern struct proc_dir_entry *proc_create(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  const struct proc_ops *proc_ops);
extern struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       const struct proc_ops *proc_ops, void *data);
extern struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
						      struct proc_dir_entry *parent,
						      int (*show)(struct seq_file *, void *),
						      void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
extern void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
extern void proc_remove(struct proc_dir_entry *de);
extern void *pde_data(const struct inode *inode);

#endif /* _MOCK6_LINUX_PROC_FS_H */
