/* modlife test mock of the Linux 6.1 <linux/blkdev.h>: block devices and disks. */
#ifndef _MOCK6_LINUX_BLKDEV_H
#define _MOCK6_LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/device.h>
#include <linux/major.h>

struct bio;
struct block_device;
struct gendisk;
struct hd_geometry;
struct request_queue;

/* owner pins the module while the disk is open. */
struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
	int (*open)(struct block_device *, fmode_t);
	void (*release)(struct gendisk *, fmode_t);
	int (*ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	int (*compat_ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	int (*getgeo)(struct block_device *, struct hd_geometry *);
	struct module *owner;
};

#define DISK_NAME_LEN 32

struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[DISK_NAME_LEN];
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
};

int __register_blkdev(unsigned int major, const char *name,
		      void (*probe)(dev_t devt));
#define register_blkdev(major, name) __register_blkdev(major, name, NULL)
void unregister_blkdev(unsigned int major, const char *name);

int __must_check device_add_disk(struct device *parent, struct gendisk *disk,
				 const struct attribute_group **groups);

static inline int __must_check add_disk(struct gendisk *disk)
{
	return device_add_disk(NULL, disk, NULL);
}

void del_gendisk(struct gendisk *gp);
void put_disk(struct gendisk *disk);
void set_capacity(struct gendisk *disk, sector_t size);

#endif /* _MOCK6_LINUX_BLKDEV_H */
