/* modlife test mock of the Linux 2.4 <linux/usb.h>: USB drivers. */
#ifndef _MOCK_LINUX_USB_H
#define _MOCK_LINUX_USB_H

#include <linux/list.h>
#include <linux/types.h>

struct module;
struct file_operations;
struct usb_device;
struct usb_device_id;

struct usb_driver {
	struct module *owner;
	const char *name;
	void *(*probe)(struct usb_device *dev, unsigned intf,
		       const struct usb_device_id *id);
	void (*disconnect)(struct usb_device *dev, void *ptr);
	struct list_head driver_list;
	struct file_operations *fops;
	int minor;
	const struct usb_device_id *id_table;
};

extern int usb_register(struct usb_driver *drv);
extern void usb_deregister(struct usb_driver *drv);

#endif /* _MOCK_LINUX_USB_H */
