/* modlife test mock of the Linux 6.1 <linux/netdevice.h>: network devices. */
#ifndef _MOCK6_LINUX_NETDEVICE_H
#define _MOCK6_LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/skbuff.h>
#include <linux/list.h>

#define IFNAMSIZ 16

#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1

enum netdev_tx {
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

struct net_device;
struct ifreq;
struct net_device_stats;

/* No owner field: the module is pinned through the netdev's own references. */
struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
};

struct net_device {
	char name[IFNAMSIZ];
	unsigned long state;
	struct list_head dev_list;
	unsigned int flags;
	unsigned int mtu;
	unsigned short type;
	const struct net_device_ops *netdev_ops;
	unsigned char *dev_addr;
	int irq;
	struct device dev;
	void *ml_priv;
};

#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))

static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ((sizeof(struct net_device) + 31) & ~31UL);
}

struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name,
				    unsigned char name_assign_type,
				    void (*setup)(struct net_device *),
				    unsigned int txqs, unsigned int rxqs);
#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
void free_netdev(struct net_device *dev);

/* Both take the rtnl mutex, so both may sleep. */
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
/* For callers already holding rtnl. */
int register_netdevice(struct net_device *dev);
void unregister_netdevice_queue(struct net_device *dev, struct list_head *head);

void rtnl_lock(void);
void rtnl_unlock(void);

void netif_start_queue(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
int netif_rx(struct sk_buff *skb);

void dev_hold(struct net_device *dev);
void dev_put(struct net_device *dev);

#endif /* _MOCK6_LINUX_NETDEVICE_H */
