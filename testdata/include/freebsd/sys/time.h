/* modlife test mock of the FreeBSD <sys/time.h>: the kernel's tick and sbintime units. */
#ifndef _MOCKFBSD_SYS_TIME_H
#define _MOCKFBSD_SYS_TIME_H

#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	long tv_usec;
};

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#define SBT_1S ((sbintime_t)1 << 32)
#define SBT_1M (SBT_1S * 60)
#define SBT_1MS (SBT_1S / 1000)
#define SBT_1US (SBT_1S / 1000000)
#define SBT_1NS (SBT_1S / 1000000000)

#ifdef _KERNEL
/* One hardclock tick as an sbintime; the tick-based sleep macros scale by it. */
extern sbintime_t tick_sbt;
extern volatile time_t time_second;
extern volatile time_t time_uptime;
sbintime_t sbinuptime(void);
void getmicrouptime(struct timeval *tvp);
#endif

#endif /* _MOCKFBSD_SYS_TIME_H */
