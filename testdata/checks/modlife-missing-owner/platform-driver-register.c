/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a platform driver
 * whose .driver sets no owner. platform_driver_register() is
 * __platform_driver_register(drv, THIS_MODULE), which fills in driver.owner,
 * so drivers leave it out. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>

// expected-no-diagnostics

static int foo_probe(struct platform_device *pdev)
{
	return 0;
}

static int foo_remove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_driver = {
	.probe		= foo_probe,
	.remove		= foo_remove,
	.driver		= {
		.name	= "foo",
	},
};

static int __init foo_init(void)
{
	return platform_driver_register(&foo_driver);
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
