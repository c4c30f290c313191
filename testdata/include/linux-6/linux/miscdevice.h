/* modlife test mock of the Linux 6.1 <linux/miscdevice.h>: misc character devices. */
#ifndef _MOCK6_LINUX_MISCDEVICE_H
#define _MOCK6_LINUX_MISCDEVICE_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/device.h>
#include <linux/major.h>

struct file_operations;
struct attribute_group;

#define MISC_DYNAMIC_MINOR 255

/* The device's files are opened through fops, pinned by fops->owner. */
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};

/* Both take misc_mtx, so both may sleep. */
extern int misc_register(struct miscdevice *misc);
extern void misc_deregister(struct miscdevice *misc);

#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)

#endif /* _MOCK6_LINUX_MISCDEVICE_H */
