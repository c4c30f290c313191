/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): struct class still
 * has an owner field in 6.1, but nothing ever used it (6.4 removed it), so
 * the rule pack lists it under ignore-structs. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/device.h>

// expected-no-diagnostics

static char *foo_devnode(struct device *dev, umode_t *mode)
{
	return NULL;
}

static struct class foo_class = {
	.name		= "foo",
	.devnode	= foo_devnode,
};

static int __init foo_init(void)
{
	return class_register(&foo_class);
}

static void __exit foo_exit(void)
{
	class_unregister(&foo_class);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
