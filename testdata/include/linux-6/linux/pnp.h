/* modlife test mock of the Linux 6.1 <linux/pnp.h>: Plug and Play drivers. */
#ifndef _MOCK6_LINUX_PNP_H
#define _MOCK6_LINUX_PNP_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/pm.h>

struct pnp_dev {
	struct device dev;
	int number;
};

struct pnp_device_id {
	__u8 id[8];
	unsigned long driver_data;
};

struct pnp_driver {
	const char *name;
	const struct pnp_device_id *id_table;
	unsigned int flags;
	int (*probe)(struct pnp_dev *dev, const struct pnp_device_id *dev_id);
	void (*remove)(struct pnp_dev *dev);
	void (*shutdown)(struct pnp_dev *dev);
	struct device_driver driver;
};

/* Sets driver.name and driver.bus; the pnp core leaves driver.owner alone. */
int pnp_register_driver(struct pnp_driver *drv);
void pnp_unregister_driver(struct pnp_driver *drv);

#define module_pnp_driver(__pnp_driver) \
	module_driver(__pnp_driver, pnp_register_driver, pnp_unregister_driver)

#endif /* _MOCK6_LINUX_PNP_H */
