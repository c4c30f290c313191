/* modlife test mock of the Linux 6.1 <linux/usb.h>: USB interface drivers. */
#ifndef _MOCK6_LINUX_USB_H
#define _MOCK6_LINUX_USB_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/spinlock.h>

/* Set by kbuild for each object; a default for tests. */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "mock"
#endif

struct usb_device {
	int devnum;
	struct device dev;
};

struct usb_interface {
	int minor;
	struct device dev;
	struct device *usb_dev;
};

#define to_usb_device(d) container_of(d, struct usb_device, dev)
#define to_usb_interface(d) container_of(d, struct usb_interface, dev)

static inline struct usb_device *interface_to_usbdev(struct usb_interface *intf)
{
	return to_usb_device(intf->dev.parent);
}

static inline void *usb_get_intfdata(struct usb_interface *intf)
{
	return dev_get_drvdata(&intf->dev);
}

static inline void usb_set_intfdata(struct usb_interface *intf, void *data)
{
	dev_set_drvdata(&intf->dev, data);
}

extern struct usb_device *usb_get_dev(struct usb_device *dev);
extern void usb_put_dev(struct usb_device *dev);

struct usb_dynids {
	spinlock_t lock;
	struct list_head list;
};

struct usbdrv_wrap {
	struct device_driver driver;
	int for_devices;
};

struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	int (*unlocked_ioctl)(struct usb_interface *intf, unsigned int code, void *buf);
	int (*suspend)(struct usb_interface *intf, pm_message_t message);
	int (*resume)(struct usb_interface *intf);
	int (*reset_resume)(struct usb_interface *intf);
	int (*pre_reset)(struct usb_interface *intf);
	int (*post_reset)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
	const struct attribute_group **dev_groups;
	struct usb_dynids dynids;
	struct usbdrv_wrap drvwrap;
	unsigned int no_dynamic_id:1;
	unsigned int supports_autosuspend:1;
	unsigned int disable_hub_initiated_lpm:1;
	unsigned int soft_unbind:1;
};

#define USB_DEVICE(vend, prod) \
	.match_flags = USB_DEVICE_ID_MATCH_VENDOR | USB_DEVICE_ID_MATCH_PRODUCT, \
	.idVendor = (vend), \
	.idProduct = (prod)

/* Registering sets drvwrap.driver.owner to the calling module. */
extern int usb_register_driver(struct usb_driver *, struct module *, const char *);
#define usb_register(driver) \
	usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
extern void usb_deregister(struct usb_driver *);

#define module_usb_driver(__usb_driver) \
	module_driver(__usb_driver, usb_register, usb_deregister)

#endif /* _MOCK6_LINUX_USB_H */
