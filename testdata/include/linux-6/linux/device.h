/* modlife test mock of the Linux 6.1 <linux/device.h>: devices, drivers and classes. */
#ifndef _MOCK6_LINUX_DEVICE_H
#define _MOCK6_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/gfp.h>
#include <linux/pm.h>
#include <linux/dev_printk.h>
#include <linux/module.h>
#include <linux/device/bus.h>
#include <linux/device/class.h>
#include <linux/device/driver.h>

struct device_private;
struct device_type;
struct device_node;

struct device {
	struct kobject kobj;
	struct device *parent;
	struct device_private *p;
	const char *init_name;
	const struct device_type *type;
	struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	struct mutex mutex;
	struct device_node *of_node;
	dev_t devt;
	u32 id;
	struct list_head devres_head;
	struct class *class;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)

static inline const char *dev_name(const struct device *dev)
{
	if (dev->init_name)
		return dev->init_name;
	return kobject_name(&dev->kobj);
}

extern __printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* Device-managed memory, freed when the driver detaches. */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __alloc_size(2);
void devm_kfree(struct device *dev, const void *p);

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);

int __must_check device_create_file(struct device *device,
				    const struct device_attribute *entry);
void device_remove_file(struct device *dev, const struct device_attribute *attr);

__printf(5, 6) struct device *
device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
	      const char *fmt, ...);
void device_destroy(struct class *cls, dev_t devt);

/* Reference counting on the embedded kobject. */
struct device *get_device(struct device *dev);
void put_device(struct device *dev);

#endif /* _MOCK6_LINUX_DEVICE_H */
