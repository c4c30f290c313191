/* modlife test mock of the Linux 2.4 <linux/miscdevice.h>. */
#ifndef _MOCK24_LINUX_MISCDEVICE_H
#define _MOCK24_LINUX_MISCDEVICE_H

#include <linux/major.h>

struct file_operations;

#define PSMOUSE_MINOR 1
#define WATCHDOG_MINOR 130
#define TEMP_MINOR 131
#define RTC_MINOR 135
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
	int minor;
	const char *name;
	struct file_operations *fops;
	struct miscdevice *next, *prev;
	void *devfs_handle;
};

extern int misc_register(struct miscdevice *misc);
extern int misc_deregister(struct miscdevice *misc);

#endif /* _MOCK24_LINUX_MISCDEVICE_H */
