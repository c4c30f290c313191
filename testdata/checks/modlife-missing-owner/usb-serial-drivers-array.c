/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): USB serial
 * drivers are handed over as a NULL-terminated array of pointers, and
 * usb_serial_register_drivers() sets driver.owner in each. The mocks have no
 * <linux/usb/serial.h>, so its part is declared here as 6.1 has it. Silent.
 */
#include <linux/module.h>
#include <linux/usb.h>

// expected-no-diagnostics

struct usb_serial_port;

struct usb_serial_driver {
	const char *description;
	const struct usb_device_id *id_table;
	struct device_driver driver;
	int (*open)(struct usb_serial_port *port);
	void (*close)(struct usb_serial_port *port);
};

int __usb_serial_register_drivers(struct usb_serial_driver *const serial_drivers[],
				  struct module *owner, const char *name,
				  const struct usb_device_id *id_table);
void usb_serial_deregister_drivers(struct usb_serial_driver *const serial_drivers[]);
#define usb_serial_register_drivers(serial_drivers, name, id_table) \
	__usb_serial_register_drivers(serial_drivers, THIS_MODULE, name, id_table)
#define usb_serial_module_driver(__name, __serial_drivers, __ids) \
static int __init usb_serial_module_init(void) \
{ \
	return usb_serial_register_drivers(__serial_drivers, __name, __ids); \
} \
module_init(usb_serial_module_init); \
static void __exit usb_serial_module_exit(void) \
{ \
	usb_serial_deregister_drivers(__serial_drivers); \
} \
module_exit(usb_serial_module_exit);
#define module_usb_serial_driver(__serial_drivers, __ids) \
	usb_serial_module_driver(KBUILD_MODNAME, __serial_drivers, __ids)

static const struct usb_device_id foo_ids[] = {
	{ USB_DEVICE(0x1234, 0x5678) },
	{ }
};

static int foo_serial_open(struct usb_serial_port *port)
{
	return 0;
}

static struct usb_serial_driver foo_device = {
	.driver = {
		.name	= "foo",
	},
	.description	= "Foo serial adapter",
	.id_table	= foo_ids,
	.open		= foo_serial_open,
};

static struct usb_serial_driver *const serial_drivers[] = {
	&foo_device, NULL
};

module_usb_serial_driver(serial_drivers, foo_ids);

MODULE_LICENSE("GPL");
