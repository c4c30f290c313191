/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a subsystem's own
 * registration macro that no rule pack names, written the kernel's way: it
 * hands THIS_MODULE to the function along with the driver, which stores it
 * as the owner. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>

// expected-no-diagnostics

struct foo_bus_driver {
	const char *name;
	struct module *owner;
	int (*attach)(int unit);
	void (*detach)(int unit);
};

int __foo_bus_register(struct foo_bus_driver *drv, struct module *owner);
void foo_bus_unregister(struct foo_bus_driver *drv);
#define foo_bus_register(drv) __foo_bus_register(drv, THIS_MODULE)

static int bar_attach(int unit)
{
	return 0;
}

static struct foo_bus_driver bar_driver = {
	.name	= "bar",
	.attach	= bar_attach,
};

static int __init bar_init(void)
{
	return foo_bus_register(&bar_driver);
}

static void __exit bar_exit(void)
{
	foo_bus_unregister(&bar_driver);
}

module_init(bar_init);
module_exit(bar_exit);
MODULE_LICENSE("GPL");
