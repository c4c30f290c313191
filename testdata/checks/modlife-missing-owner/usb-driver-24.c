/*
 * modlife-missing-owner, Linux 2.4: a USB driver without an owner, as
 * drivers/usb/usb-midi.c of 2.4 has it. 2.4's usbcore never reads
 * usb_driver.owner, and usb_deregister() in the exit function disconnects
 * every device first; the character device the driver opens counts itself
 * with MOD_INC_USE_COUNT. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/usb.h>

// expected-no-diagnostics

static void *midi_probe(struct usb_device *dev, unsigned intf,
			const struct usb_device_id *id)
{
	return 0;
}

static void midi_disconnect(struct usb_device *dev, void *ptr)
{
}

static struct usb_driver midi_driver = {
	name: "midi",
	probe: midi_probe,
	disconnect: midi_disconnect,
	id_table: NULL,
	driver_list: LIST_HEAD_INIT(midi_driver.driver_list)
};

static int __init midi_init(void)
{
	return usb_register(&midi_driver);
}

static void __exit midi_exit(void)
{
	usb_deregister(&midi_driver);
}

module_init(midi_init);
module_exit(midi_exit);
