/* modlife test mock of the Linux 6.1 <linux/pci.h>: PCI drivers. */
#ifndef _MOCK6_LINUX_PCI_H
#define _MOCK6_LINUX_PCI_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/interrupt.h>

/* Set by kbuild for each object; a default for tests. */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "mock"
#endif

struct pci_bus;

struct pci_dev {
	struct pci_bus *bus;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;
	struct pci_driver *driver;
	struct device dev;
	unsigned int irq;
};

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)

struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state);
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver driver;
	bool driver_managed_dma;
};

#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

/* Registering sets driver.owner to the calling module. */
int __must_check __pci_register_driver(struct pci_driver *drv, struct module *owner,
				       const char *mod_name);
#define pci_register_driver(driver) \
	__pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *dev);

#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

int __must_check pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
int __must_check pci_request_regions(struct pci_dev *pdev, const char *res_name);
void pci_release_regions(struct pci_dev *pdev);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* _MOCK6_LINUX_PCI_H */
