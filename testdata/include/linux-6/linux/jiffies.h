/* modlife test mock of the Linux 6.1 <linux/jiffies.h>: the tick counter and conversions. */
#ifndef _MOCK6_LINUX_JIFFIES_H
#define _MOCK6_LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <asm/param.h>

extern unsigned long volatile jiffies;
extern u64 jiffies_64;

#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

extern unsigned int jiffies_to_msecs(const unsigned long j);
extern unsigned int jiffies_to_usecs(const unsigned long j);
extern unsigned long __msecs_to_jiffies(const unsigned int m);
extern unsigned long __usecs_to_jiffies(const unsigned int u);

static __always_inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return __msecs_to_jiffies(m);
}

static __always_inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return __usecs_to_jiffies(u);
}

#endif /* _MOCK6_LINUX_JIFFIES_H */
