/* modlife test mock of the Linux 2.4 <linux/skbuff.h>: socket buffers. */
#ifndef _MOCK24_LINUX_SKBUFF_H
#define _MOCK24_LINUX_SKBUFF_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/atomic.h>

struct net_device;

struct sk_buff {
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	unsigned int len;
	unsigned short protocol;
	unsigned char pkt_type;
	unsigned char ip_summed;
	atomic_t users;
	unsigned char *head;
	unsigned char *data;
	unsigned char *tail;
	unsigned char *end;
};

extern struct sk_buff *alloc_skb(unsigned int size, int priority);
extern void kfree_skb(struct sk_buff *skb);
extern void __kfree_skb(struct sk_buff *skb);
extern struct sk_buff *skb_clone(struct sk_buff *skb, int priority);

#define dev_kfree_skb(a) kfree_skb(a)
#define dev_kfree_skb_irq(a) kfree_skb(a)
#define dev_kfree_skb_any(a) kfree_skb(a)

static inline unsigned char *skb_put(struct sk_buff *skb, unsigned int len)
{
	unsigned char *tmp = skb->tail;
	skb->tail += len;
	skb->len += len;
	return tmp;
}

static inline unsigned char *skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

static inline void skb_reserve(struct sk_buff *skb, unsigned int len)
{
	skb->data += len;
	skb->tail += len;
}

/*
 * Receive buffers come from interrupt context: 2.4's dev_alloc_skb passes
 * GFP_ATOMIC down to a helper that takes the mask as a parameter.
 */
static inline struct sk_buff *__dev_alloc_skb(unsigned int length, int gfp_mask)
{
	struct sk_buff *skb = alloc_skb(length + 16, gfp_mask);
	if (skb)
		skb_reserve(skb, 16);
	return skb;
}

static inline struct sk_buff *dev_alloc_skb(unsigned int length)
{
	return __dev_alloc_skb(length, GFP_ATOMIC);
}

#endif /* _MOCK24_LINUX_SKBUFF_H */
