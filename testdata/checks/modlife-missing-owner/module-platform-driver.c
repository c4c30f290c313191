/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): the same driver
 * registered by module_platform_driver(), which writes init and exit
 * functions around platform_driver_register(). Silent.
 */
#include <linux/module.h>
#include <linux/platform_device.h>

// expected-no-diagnostics

static int foo_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_driver = {
	.probe	= foo_probe,
	.driver	= {
		.name	= "foo",
	},
};
module_platform_driver(foo_driver);

MODULE_LICENSE("GPL");
