/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): the embedded
 * driver is set through ".driver.name" designators, not a braced list, and
 * the struct is registered with driver_register(), which sets no owner. The
 * fix-it adds ".driver.owner" the same way.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>

static int foo_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_driver = { // expected-warning {{'foo_driver' does not set 'driver.owner'}}
	.driver.owner = THIS_MODULE,
	.probe = foo_probe, // expected-note {{'foo_probe' can be called while this module is being removed}}
	.driver.name = "foo",
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
