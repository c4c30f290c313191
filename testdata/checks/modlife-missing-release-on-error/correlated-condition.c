/*
 * modlife-missing-dec-on-error, regression from Linux 6.1
 * drivers/net/phy/phy_device.c (phy_attach_direct): the bus module is pinned
 * only when the owners differ, and dropped under the same test on the error
 * path. The second test follows the first on each path. Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct bus {
	struct module *owner;
};

struct driver {
	struct module *owner;
};

int attach(struct bus *bus, struct module *ndev_owner, struct driver *drv)
{
	int err;

	if (ndev_owner != bus->owner && !try_module_get(bus->owner))
		return -EIO;

	if (!try_module_get(drv->owner)) {
		err = -EIO;
		goto error_put_bus;
	}
	return 0;

error_put_bus:
	if (ndev_owner != bus->owner)
		module_put(bus->owner);
	return err;
}

/* The same shape, but the variable changes between the tests: reported. */
int attach_changed(struct bus *bus, struct module *ndev_owner,
		   struct driver *drv)
{
	int err;

	if (ndev_owner != bus->owner && !try_module_get(bus->owner)) /* expected-note {{the reference is taken here, when 'try_module_get' succeeds}} */
		return -EIO;

	if (!try_module_get(drv->owner)) {
		err = -EIO;
		goto error_put_bus;
	}
	return 0;

error_put_bus:
	ndev_owner = bus->owner;
	if (ndev_owner != bus->owner)
		module_put(bus->owner);
	return err; /* expected-warning {{failure return keeps the module reference taken by 'try_module_get'}} */
}
