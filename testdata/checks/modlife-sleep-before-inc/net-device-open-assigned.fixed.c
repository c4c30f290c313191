/*
 * modlife-sleep-before-inc: a 2.4 network driver whose open() is wired by
 * assignment in the probe function (dev->open = foo_net_open). struct
 * net_device has no owner field in 2.4, so open() must pin the module
 * itself, before request_irq() can sleep.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>

#define FOO_IO 0x300
#define FOO_IRQ 10

static struct net_device *foo_dev;

static void foo_net_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
}

static int foo_net_open(struct net_device *dev)
{
	MOD_INC_USE_COUNT;
	if (request_irq(dev->irq, foo_net_interrupt, SA_SHIRQ, dev->name, dev)) { // expected-warning{{'request_irq' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		MOD_DEC_USE_COUNT;
		return -EAGAIN;
	}
	netif_start_queue(dev);
	return 0;
}

static int foo_net_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	free_irq(dev->irq, dev);
	MOD_DEC_USE_COUNT;
	return 0;
}

static int foo_net_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return 0;
}

static int __init foo_net_probe(void)
{
	struct net_device *dev;

	dev = alloc_etherdev(0);
	if (!dev)
		return -ENOMEM;
	dev->base_addr = FOO_IO;
	dev->irq = FOO_IRQ;
	dev->open = foo_net_open;
	dev->stop = foo_net_stop;
	dev->hard_start_xmit = foo_net_xmit;
	if (register_netdev(dev)) {
		kfree(dev);
		return -EIO;
	}
	foo_dev = dev;
	return 0;
}

static void __exit foo_net_cleanup(void)
{
	unregister_netdev(foo_dev);
	kfree(foo_dev);
}

module_init(foo_net_probe);
module_exit(foo_net_cleanup);
