/* modlife test mock of the Linux 2.4 <linux/delay.h>: busy waits that never sleep. */
#ifndef _MOCK24_LINUX_DELAY_H
#define _MOCK24_LINUX_DELAY_H

extern void __udelay(unsigned long usecs);
extern void __ndelay(unsigned long nsecs);

#define udelay(n) __udelay(n)
#define ndelay(n) __ndelay(n)

#define mdelay(n) \
	({ unsigned long __md_ms = (n); while (__md_ms--) udelay(1000); })

/* Not in 2.4 (added in 2.6): unlike mdelay, this one sleeps. */
extern void msleep(unsigned int msecs);
extern void ssleep(unsigned int secs);

#endif /* _MOCK24_LINUX_DELAY_H */
