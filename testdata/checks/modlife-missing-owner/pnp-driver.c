/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a pnp driver
 * (drivers/char/tpm/tpm_tis.c, drivers/input/gameport/ns558.c). The pnp bus
 * never sets or reads driver.owner, and driver_unregister() in the exit
 * path unbinds the driver before the module goes. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pnp.h>

// expected-no-diagnostics

static int foo_pnp_probe(struct pnp_dev *dev, const struct pnp_device_id *id)
{
	return 0;
}

static void foo_pnp_remove(struct pnp_dev *dev)
{
}

static const struct pnp_device_id foo_pnp_tbl[] = {
	{ "PNP0c31", 0 },
	{ "", 0 },
};
MODULE_DEVICE_TABLE(pnp, foo_pnp_tbl);

static struct pnp_driver foo_pnp_driver = {
	.name = "foo",
	.id_table = foo_pnp_tbl,
	.probe = foo_pnp_probe,
	.remove = foo_pnp_remove,
	.driver = {
		.name = "foo",
	},
};

static int __init foo_init(void)
{
	return pnp_register_driver(&foo_pnp_driver);
}

static void __exit foo_exit(void)
{
	pnp_unregister_driver(&foo_pnp_driver);
}

module_init(foo_init);
module_exit(foo_exit);
