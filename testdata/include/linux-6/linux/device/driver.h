/* modlife test mock of the Linux 6.1 <linux/device/driver.h>: drivers and module_driver(). */
#ifndef _MOCK6_LINUX_DEVICE_DRIVER_H
#define _MOCK6_LINUX_DEVICE_DRIVER_H

#include <linux/kobject.h>
#include <linux/pm.h>
#include <linux/module.h>

struct device;
struct bus_type;
struct of_device_id;

enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

/* owner is the module whose code the callbacks are. */
struct device_driver {
	const char *name;
	struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const struct of_device_id *of_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	int (*suspend)(struct device *dev, pm_message_t state);
	int (*resume)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	const struct dev_pm_ops *pm;
};

extern int __must_check driver_register(struct device_driver *drv);
extern void driver_unregister(struct device_driver *drv);

/*
 * The module_init/module_exit pair of a driver whose init only registers it
 * and whose exit only unregisters it; bus-specific macros wrap this.
 */
#define module_driver(__driver, __register, __unregister, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
module_init(__driver##_init); \
static void __exit __driver##_exit(void) \
{ \
	__unregister(&(__driver) , ##__VA_ARGS__); \
} \
module_exit(__driver##_exit);

/* Built in with no exit: only the initcall. */
#define builtin_driver(__driver, __register, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
device_initcall(__driver##_init);

#endif /* _MOCK6_LINUX_DEVICE_DRIVER_H */
