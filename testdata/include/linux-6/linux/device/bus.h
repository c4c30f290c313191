/* modlife test mock of the Linux 6.1 <linux/device/bus.h>: bus types. */
#ifndef _MOCK6_LINUX_DEVICE_BUS_H
#define _MOCK6_LINUX_DEVICE_BUS_H

#include <linux/kobject.h>

struct device;
struct device_driver;
struct dev_pm_ops;

struct bus_type {
	const char *name;
	const char *dev_name;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct dev_pm_ops *pm;
};

extern int __must_check bus_register(struct bus_type *bus);
extern void bus_unregister(struct bus_type *bus);

#endif /* _MOCK6_LINUX_DEVICE_BUS_H */
