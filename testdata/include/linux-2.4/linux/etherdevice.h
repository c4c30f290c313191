/* modlife test mock of the Linux 2.4 <linux/etherdevice.h>. */
#ifndef _MOCK24_LINUX_ETHERDEVICE_H
#define _MOCK24_LINUX_ETHERDEVICE_H

#include <linux/netdevice.h>

#define ETH_ALEN 6
#define ETH_HLEN 14
#define ETH_ZLEN 60
#define ETH_DATA_LEN 1500
#define ETH_FRAME_LEN 1514

extern void ether_setup(struct net_device *dev);
extern unsigned short eth_type_trans(struct sk_buff *skb, struct net_device *dev);

#endif /* _MOCK24_LINUX_ETHERDEVICE_H */
