/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a platform driver
 * registered with driver_register() on its embedded device_driver, which
 * does not fill in the owner the way platform_driver_register() does. The
 * owner belongs in .driver, and the fix-it puts it there.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>

static int foo_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_driver = { // expected-warning {{'foo_driver' does not set 'driver.owner': nothing pins this module while the kernel calls its functions}}
	.probe		= foo_probe, // expected-note {{'foo_probe' can be called while this module is being removed}}
	.driver		= {
		.name	= "foo",
	},
};

static int __init foo_init(void)
{
	return driver_register(&foo_driver.driver);
}

static void __exit foo_exit(void)
{
	driver_unregister(&foo_driver.driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
