/*
 * modlife-missing-owner, Linux 2.4: a statically defined net_device that only
 * wires its probe function; probe wires open() at run time, and open() pins
 * the module with MOD_INC_USE_COUNT, as 2.4 network drivers without
 * SET_MODULE_OWNER must. Silent.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/netdevice.h>
#include <linux/errno.h>

// expected-no-diagnostics

static int foo_open(struct net_device *dev)
{
	MOD_INC_USE_COUNT;
	netif_start_queue(dev);
	return 0;
}

static int foo_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	MOD_DEC_USE_COUNT;
	return 0;
}

static int foo_probe(struct net_device *dev)
{
	dev->open = foo_open;
	dev->stop = foo_stop;
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
