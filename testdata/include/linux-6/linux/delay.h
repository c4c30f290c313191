/* modlife test mock of the Linux 6.1 <linux/delay.h>: busy waits and sleeping delays. */
#ifndef _MOCK6_LINUX_DELAY_H
#define _MOCK6_LINUX_DELAY_H

#include <linux/kernel.h>
#include <linux/sched.h>

/* Busy waits: they spin and never sleep. */
extern void __udelay(unsigned long usecs);
extern void __ndelay(unsigned long nsecs);
#define udelay(n) __udelay(n)
#define ndelay(n) __ndelay(n)

#define MAX_UDELAY_MS 5
#define mdelay(n) ({ \
	unsigned long __ms = (n); \
	while (__ms--) \
		udelay(1000); \
})

/* These sleep. */
extern void msleep(unsigned int msecs);
extern unsigned long msleep_interruptible(unsigned int msecs);
extern void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void usleep_idle_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_IDLE);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif /* _MOCK6_LINUX_DELAY_H */
