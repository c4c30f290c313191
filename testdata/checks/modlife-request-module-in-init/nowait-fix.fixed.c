/*
 * modlife-request-module-in-init, Linux 6.1: module init asks for its
 * firmware loader module and waits for modprobe. Nothing uses the result,
 * so the fix asks without waiting.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kmod.h>
#include <linux/platform_device.h>

static int lumen_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver lumen_driver = {
	.probe = lumen_probe,
	.driver = {
		.name = "lumen",
	},
};

static int __init lumen_init(void)
{
	/* expected-warning@+1 {{'request_module' in module init waits for modprobe while this module is still loading; the load can deadlock or recurse}} */
	request_module_nowait("lumen-fw-%d", 2);
	return platform_driver_register(&lumen_driver);
}

static void __exit lumen_exit(void)
{
	platform_driver_unregister(&lumen_driver);
}

module_init(lumen_init); /* expected-note {{'lumen_init' is this module's init function}} */
module_exit(lumen_exit);
MODULE_LICENSE("GPL");
