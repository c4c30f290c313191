/* modlife test mock of the Linux 2.4 <linux/pci.h>: just enough for a probe. */
#ifndef _MOCK24_LINUX_PCI_H
#define _MOCK24_LINUX_PCI_H

#include <linux/types.h>
#include <linux/ioport.h>

struct pci_dev {
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned int irq;
	struct resource resource[12];
	void *driver_data;
};

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_len(dev, bar) \
	((dev)->resource[(bar)].end - (dev)->resource[(bar)].start + 1)

extern struct pci_dev *pci_find_device(unsigned int vendor, unsigned int device,
				       const struct pci_dev *from);
extern int pci_enable_device(struct pci_dev *dev);
extern void pci_set_master(struct pci_dev *dev);
extern int pci_read_config_byte(struct pci_dev *dev, int where, u8 *val);
extern int pci_write_config_byte(struct pci_dev *dev, int where, u8 val);

#endif /* _MOCK24_LINUX_PCI_H */
