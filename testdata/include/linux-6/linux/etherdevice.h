/* modlife test mock of the Linux 6.1 <linux/etherdevice.h>: Ethernet devices. */
#ifndef _MOCK6_LINUX_ETHERDEVICE_H
#define _MOCK6_LINUX_ETHERDEVICE_H

#include <linux/netdevice.h>

#define ETH_ALEN 6

void ether_setup(struct net_device *dev);
struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
#define alloc_etherdev(sizeof_priv) alloc_etherdev_mqs(sizeof_priv, 1, 1)
void eth_hw_addr_random(struct net_device *dev);
__u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

#endif /* _MOCK6_LINUX_ETHERDEVICE_H */
