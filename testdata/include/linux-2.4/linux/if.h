/* modlife test mock of the Linux 2.4 <linux/if.h>: interface flags and ifreq. */
#ifndef _MOCK24_LINUX_IF_H
#define _MOCK24_LINUX_IF_H

#define IFNAMSIZ 16

#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100
#define IFF_ALLMULTI 0x200
#define IFF_MULTICAST 0x1000

struct ifreq {
	char ifr_name[IFNAMSIZ];
	union {
		int ifru_ivalue;
		int ifru_mtu;
		char *ifru_data;
	} ifr_ifru;
};

#define ifr_data ifr_ifru.ifru_data
#define ifr_mtu ifr_ifru.ifru_mtu

#endif /* _MOCK24_LINUX_IF_H */
