/* modlife test mock of the Linux 2.4 <linux/netdevice.h>: struct net_device. */
#ifndef _MOCK24_LINUX_NETDEVICE_H
#define _MOCK24_LINUX_NETDEVICE_H

#include <linux/config.h>
#include <linux/if.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <asm/atomic.h>
#include <asm/bitops.h>

#define MAX_ADDR_LEN 8

struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_fifo_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
};

enum netdev_state_t {
	__LINK_STATE_XOFF = 0,
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_SCHED,
	__LINK_STATE_NOCARRIER
};

/*
 * Late 2.4 (2.4.x with SET_MODULE_OWNER) has an owner field; drivers that do
 * not set it must pin the module in open() themselves.
 */
struct net_device {
	char name[IFNAMSIZ];
	unsigned long rmem_end;
	unsigned long rmem_start;
	unsigned long mem_end;
	unsigned long mem_start;
	unsigned long base_addr;
	unsigned int irq;
	unsigned char if_port;
	unsigned char dma;
	unsigned long state;
	struct net_device *next;
	int (*init)(struct net_device *dev);

	int ifindex;
	struct net_device_stats *(*get_stats)(struct net_device *dev);
	unsigned long trans_start;
	unsigned long last_rx;
	unsigned short flags;
	unsigned mtu;
	unsigned short type;
	unsigned short hard_header_len;
	void *priv;
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned char dev_addr[MAX_ADDR_LEN];
	unsigned char addr_len;
	int mc_count;
	int watchdog_timeo;
	spinlock_t xmit_lock;

	struct module *owner;
	int (*open)(struct net_device *dev);
	int (*stop)(struct net_device *dev);
	int (*hard_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	void (*uninit)(struct net_device *dev);
	void (*destructor)(struct net_device *dev);
	void (*set_multicast_list)(struct net_device *dev);
	int (*set_mac_address)(struct net_device *dev, void *addr);
	int (*do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*change_mtu)(struct net_device *dev, int new_mtu);
	void (*tx_timeout)(struct net_device *dev);
};

static inline void netif_start_queue(struct net_device *dev)
{
	clear_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline void netif_stop_queue(struct net_device *dev)
{
	set_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline void netif_wake_queue(struct net_device *dev)
{
	clear_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline int netif_queue_stopped(struct net_device *dev)
{
	return test_bit(__LINK_STATE_XOFF, &dev->state);
}

static inline int netif_running(struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1

extern int netif_rx(struct sk_buff *skb);

extern struct net_device *alloc_etherdev(int sizeof_priv);
extern struct net_device *init_etherdev(struct net_device *dev, int sizeof_priv);
extern int register_netdev(struct net_device *dev);
extern void unregister_netdev(struct net_device *dev);
extern int register_netdevice(struct net_device *dev);
extern int unregister_netdevice(struct net_device *dev);
extern struct net_device *dev_get_by_name(const char *name);
extern void dev_put(struct net_device *dev);

extern void rtnl_lock(void);
extern void rtnl_unlock(void);

#endif /* _MOCK24_LINUX_NETDEVICE_H */
