/*
 * modlife-missing-owner, Linux 2.4: a statically defined net_device whose
 * probe function does SET_MODULE_OWNER(dev), an assignment of the owner at
 * run time: dev_open() then pins the module, and open() need not count.
 * Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/errno.h>

// expected-no-diagnostics

static int foo_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int foo_probe(struct net_device *dev)
{
	SET_MODULE_OWNER(dev);
	dev->open = foo_open;
	return 0;
}

static struct net_device foo_dev = {
	init:		foo_probe,
};

static int __init foo_init(void)
{
	return register_netdev(&foo_dev);
}

static void __exit foo_exit(void)
{
	unregister_netdev(&foo_dev);
}

module_init(foo_init);
module_exit(foo_exit);
