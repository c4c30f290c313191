// Regression from Linux 2.4.22 drivers/net/pcnet32.c: dev_alloc_skb() is an
// inline wrapper that passes GFP_ATOMIC down to a helper taking the mask as a
// parameter. The engine evaluates the flags at each call of the wrapper, so
// this does not sleep; the same helper called with GFP_KERNEL does.
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/errno.h>

static struct sk_buff *foo_rx_ring[16];

static int foo_init_ring(void)
{
	int i;
	for (i = 0; i < 16; i++) {
		foo_rx_ring[i] = dev_alloc_skb(1536);
		if (!foo_rx_ring[i])
			return -ENOMEM;
	}
	return 0;
}

static int foo_open(struct net_device *dev)
{
	if (foo_init_ring())
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static int bar_open(struct net_device *dev)
{
	foo_rx_ring[0] = __dev_alloc_skb(1536, GFP_KERNEL); // expected-warning{{'__dev_alloc_skb' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	MOD_INC_USE_COUNT;
	return 0;
}

int foo_probe(struct net_device *dev)
{
	dev->open = foo_open;
	return 0;
}

int bar_probe(struct net_device *dev)
{
	dev->open = bar_open;
	return 0;
}
