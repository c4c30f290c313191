/* modlife test mock of the Linux 2.4 <linux/timer.h>. */
#ifndef _MOCK24_LINUX_TIMER_H
#define _MOCK24_LINUX_TIMER_H

#include <linux/list.h>
#include <linux/stddef.h>

struct timer_list {
	struct list_head list;
	unsigned long expires;
	unsigned long data;
	void (*function)(unsigned long);
};

extern void add_timer(struct timer_list *timer);
extern int del_timer(struct timer_list *timer);
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int del_timer_sync(struct timer_list *timer);

static inline void init_timer(struct timer_list *timer)
{
	timer->list.next = timer->list.prev = NULL;
}

static inline int timer_pending(const struct timer_list *timer)
{
	return timer->list.next != NULL;
}

#endif /* _MOCK24_LINUX_TIMER_H */
