/* modlife test mock of the Linux 6.1 <linux/timer.h>: kernel timers. */
#ifndef _MOCK6_LINUX_TIMER_H
#define _MOCK6_LINUX_TIMER_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/container_of.h>
#include <linux/jiffies.h>
#include <linux/lockdep_types.h>

/* The callback runs in softirq context: it must not sleep. */
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000

#define __TIMER_INITIALIZER(_function, _flags) { \
	.entry = { .next = NULL, .pprev = NULL }, \
	.function = (_function), \
	.flags = (_flags), \
}

#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

extern void init_timer_key(struct timer_list *timer,
			   void (*func)(struct timer_list *), unsigned int flags,
			   const char *name, struct lock_class_key *key);

/* Without lockdep there is no per-site key to pass. */
#define __init_timer(_timer, _fn, _flags) \
	init_timer_key((_timer), (_fn), (_flags), NULL, NULL)

#define timer_setup(timer, callback, flags) \
	__init_timer((timer), (callback), (flags))

/* From the timer handed to the callback back to the structure embedding it. */
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list *timer)
{
	return timer->entry.pprev != NULL;
}

extern void add_timer(struct timer_list *timer);
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int mod_timer_pending(struct timer_list *timer, unsigned long expires);
extern int timer_reduce(struct timer_list *timer, unsigned long expires);
extern int del_timer(struct timer_list *timer);
/* Waits for a running callback to finish. */
extern int del_timer_sync(struct timer_list *timer);
/* Linux 6.2 and later; here for tests of newer code. */
extern int timer_shutdown(struct timer_list *timer);
extern int timer_shutdown_sync(struct timer_list *timer);

#endif /* _MOCK6_LINUX_TIMER_H */
