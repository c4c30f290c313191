/* modlife test mock of the Linux 6.1 <linux/skbuff.h>: socket buffers. */
#ifndef _MOCK6_LINUX_SKBUFF_H
#define _MOCK6_LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/numa.h>
#include <linux/refcount.h>

struct net_device;
struct sock;

struct sk_buff {
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	struct sock *sk;
	unsigned int len;
	unsigned int data_len;
	__u16 protocol;
	unsigned char *head;
	unsigned char *data;
	refcount_t users;
};

/* May sleep when priority carries __GFP_DIRECT_RECLAIM. */
struct sk_buff *__alloc_skb(unsigned int size, gfp_t priority, int flags, int node);

static inline struct sk_buff *alloc_skb(unsigned int size, gfp_t priority)
{
	return __alloc_skb(size, priority, 0, NUMA_NO_NODE);
}

void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
#define dev_kfree_skb(a) consume_skb(a)
void dev_kfree_skb_any(struct sk_buff *skb);
void *skb_put(struct sk_buff *skb, unsigned int len);

#endif /* _MOCK6_LINUX_SKBUFF_H */
