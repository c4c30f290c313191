/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): i2c drivers leave
 * driver.owner to the helper: module_i2c_driver() and i2c_add_driver() pass
 * THIS_MODULE on, and a direct i2c_register_driver(THIS_MODULE, drv) call
 * names the driver as its second argument. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/i2c.h>

// expected-no-diagnostics

static int foo_probe(struct i2c_client *client)
{
	return 0;
}

static struct i2c_driver foo_driver = {
	.probe_new	= foo_probe,
	.driver		= {
		.name	= "foo",
	},
};
module_i2c_driver(foo_driver);

static struct i2c_driver bar_driver = {
	.probe_new	= foo_probe,
	.driver		= {
		.name	= "bar",
	},
};

static struct i2c_driver baz_driver = {
	.probe_new	= foo_probe,
	.driver		= {
		.name	= "baz",
	},
};

int foo_register_more(void)
{
	int err = i2c_add_driver(&bar_driver);

	if (err)
		return err;
	return i2c_register_driver(THIS_MODULE, &baz_driver);
}

MODULE_LICENSE("GPL");
