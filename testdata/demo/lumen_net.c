/*
 * lumen_net.c -- the LX light-link data port as a network interface.
 *
 * The port moves Ethernet frames over the optical link. It shares the
 * board's interrupt line with the lamp channels (SA_SHIRQ).
 */
#include <linux/config.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <asm/io.h>
#include <asm/uaccess.h>

#include "lumen.h"

#define LUMEN_LINK_ON 0x01
#define LUMEN_TX_TIMEOUT (2 * HZ)

/* Private ioctl: read the optical signal level. */
#define SIOCLUMENSIGNAL 0x89f0

struct lumen_net_priv {
	struct lumen_unit *unit;
	struct net_device_stats stats;
	spinlock_t lock;
};

static struct net_device *lumen_net_devs[LUMEN_MAX_UNITS];

static void lumen_net_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
	struct net_device *dev = dev_id;
	struct lumen_net_priv *lp = dev->priv;
	unsigned long io = dev->base_addr;
	struct sk_buff *skb;
	unsigned char *p;
	int len, i;

	if (!(inb(io + LUMEN_REG_STATUS) & LUMEN_ST_LINKRX))
		return;

	len = inb(io + LUMEN_REG_LEN) * 8;
	skb = dev_alloc_skb(len + 2);
	if (!skb) {
		lp->stats.rx_dropped++;
		goto ack;
	}
	skb_reserve(skb, 2);
	p = skb_put(skb, len);
	for (i = 0; i < len; i++)
		p[i] = inb(io + LUMEN_REG_DATA);
	skb->dev = dev;
	skb->protocol = eth_type_trans(skb, dev);
	netif_rx(skb);
	dev->last_rx = jiffies;
	lp->stats.rx_packets++;
	lp->stats.rx_bytes += len;
ack:
	outb(LUMEN_IRQ_LINK, io + LUMEN_REG_IRQACK);
}

static int lumen_net_open(struct net_device *dev)
{
	if (request_irq(dev->irq, lumen_net_interrupt, SA_SHIRQ, dev->name, dev))
		return -EAGAIN;
	MOD_INC_USE_COUNT;

	outb(LUMEN_LINK_ON, dev->base_addr + LUMEN_REG_LINK);
	netif_start_queue(dev);
	return 0;
}

static int lumen_net_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	outb(0, dev->base_addr + LUMEN_REG_LINK);
	free_irq(dev->irq, dev);
	MOD_DEC_USE_COUNT;
	return 0;
}

static int lumen_net_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct lumen_net_priv *lp = dev->priv;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&lp->lock, flags);
	outb((skb->len + 7) / 8, dev->base_addr + LUMEN_REG_LEN);
	for (i = 0; i < skb->len; i++)
		outb(skb->data[i], dev->base_addr + LUMEN_REG_DATA);
	lp->stats.tx_packets++;
	lp->stats.tx_bytes += skb->len;
	spin_unlock_irqrestore(&lp->lock, flags);

	dev->trans_start = jiffies;
	dev_kfree_skb(skb);
	return 0;
}

static void lumen_net_tx_timeout(struct net_device *dev)
{
	struct lumen_net_priv *lp = dev->priv;

	printk(KERN_WARNING "%s: transmit timed out, resetting link\n", dev->name);
	lp->stats.tx_errors++;
	outb(0, dev->base_addr + LUMEN_REG_LINK);
	outb(LUMEN_LINK_ON, dev->base_addr + LUMEN_REG_LINK);
	netif_wake_queue(dev);
}

static struct net_device_stats *lumen_net_get_stats(struct net_device *dev)
{
	struct lumen_net_priv *lp = dev->priv;

	return &lp->stats;
}

static int lumen_net_do_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd)
{
	int signal;

	switch (cmd) {
	case SIOCLUMENSIGNAL:
		signal = inb(dev->base_addr + LUMEN_REG_STATUS) >> 4;
		if (copy_to_user(ifr->ifr_data, &signal, sizeof(signal)))
			return -EFAULT;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

int lumen_net_probe(struct lumen_unit *u)
{
	struct net_device *dev;
	struct lumen_net_priv *lp;
	int i, err;

	dev = alloc_etherdev(sizeof(struct lumen_net_priv));
	if (!dev)
		return -ENOMEM;
	lp = dev->priv;
	memset(lp, 0, sizeof(*lp));
	lp->unit = u;
	spin_lock_init(&lp->lock);

	strcpy(dev->name, "lx%d");
	dev->base_addr = u->iobase;
	dev->irq = u->irq;
	for (i = 0; i < ETH_ALEN; i++)
		dev->dev_addr[i] = inb(u->iobase + LUMEN_REG_MAC + i);

	dev->open = lumen_net_open;
	dev->stop = lumen_net_stop;
	dev->hard_start_xmit = lumen_net_xmit;
	dev->tx_timeout = lumen_net_tx_timeout;
	dev->watchdog_timeo = LUMEN_TX_TIMEOUT;
	dev->get_stats = lumen_net_get_stats;
	dev->do_ioctl = lumen_net_do_ioctl;

	err = register_netdev(dev);
	if (err) {
		kfree(dev);
		return err;
	}
	lumen_net_devs[u->index] = dev;
	printk(KERN_INFO "%s: light-link port on lumen%d\n", dev->name, u->index);
	return 0;
}

void lumen_net_remove(struct lumen_unit *u)
{
	struct net_device *dev = lumen_net_devs[u->index];

	if (!dev)
		return;
	unregister_netdev(dev);
	kfree(dev);
	lumen_net_devs[u->index] = NULL;
}
