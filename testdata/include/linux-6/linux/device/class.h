/* modlife test mock of the Linux 6.1 <linux/device/class.h>: device classes. */
#ifndef _MOCK6_LINUX_DEVICE_CLASS_H
#define _MOCK6_LINUX_DEVICE_CLASS_H

#include <linux/kobject.h>
#include <linux/lockdep_types.h>
#include <linux/pm.h>

struct device;
struct module;

struct class {
	const char *name;
	struct module *owner;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	int (*dev_uevent)(struct device *dev, void *env);
	char *(*devnode)(struct device *dev, umode_t *mode);
	void (*class_release)(struct class *class);
	void (*dev_release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

extern int __must_check __class_register(struct class *class, struct lock_class_key *key);
extern void class_unregister(struct class *class);

/* Each call site gets its own lock class. */
#define class_register(class) \
({ \
	static struct lock_class_key __key; \
	__class_register(class, &__key); \
})

extern struct class * __must_check __class_create(struct module *owner, const char *name,
						  struct lock_class_key *key);
extern void class_destroy(struct class *cls);

/* In 6.1 the owner is still passed (6.4 dropped it). */
#define class_create(owner, name) \
({ \
	static struct lock_class_key __key; \
	__class_create(owner, name, &__key); \
})

#endif /* _MOCK6_LINUX_DEVICE_CLASS_H */
