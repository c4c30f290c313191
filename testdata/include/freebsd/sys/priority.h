/* modlife test mock of the FreeBSD <sys/priority.h>: thread priorities used as sleep priorities. */
#ifndef _MOCKFBSD_SYS_PRIORITY_H
#define _MOCKFBSD_SYS_PRIORITY_H

#define PRI_MIN (0)
#define PRI_MAX (255)

#define PRI_MIN_ITHD (PRI_MIN)
#define PRI_MAX_ITHD (PRI_MIN_REALTIME - 1)
#define PI_REALTIME (PRI_MIN_ITHD + 0)
#define PI_AV (PRI_MIN_ITHD + 4)
#define PI_NET (PRI_MIN_ITHD + 8)
#define PI_DISK (PRI_MIN_ITHD + 12)
#define PI_TTY (PRI_MIN_ITHD + 16)
#define PI_DULL (PRI_MIN_ITHD + 20)
#define PI_SOFT (PRI_MIN_ITHD + 24)
#define PI_SWI(x) PI_SOFT

#define PRI_MIN_REALTIME (48)
#define PRI_MAX_REALTIME (PRI_MIN_KERN - 1)

#define PRI_MIN_KERN (80)
#define PRI_MAX_KERN (PRI_MIN_TIMESHARE - 1)
#define PSWP (PRI_MIN_KERN + 0)
#define PVM (PRI_MIN_KERN + 4)
#define PINOD (PRI_MIN_KERN + 8)
#define PRIBIO (PRI_MIN_KERN + 12)
#define PVFS (PRI_MIN_KERN + 16)
#define PZERO (PRI_MIN_KERN + 20)
#define PSOCK (PRI_MIN_KERN + 24)
#define PWAIT (PRI_MIN_KERN + 28)
#define PLOCK (PRI_MIN_KERN + 32)
#define PPAUSE (PRI_MIN_KERN + 36)

#define PRI_MIN_TIMESHARE (120)
#define PRI_MAX_TIMESHARE (PRI_MIN_IDLE - 1)
#define PUSER (PRI_MIN_TIMESHARE)
#define PRI_MIN_IDLE (224)
#define PRI_MAX_IDLE (PRI_MAX)

#endif /* _MOCKFBSD_SYS_PRIORITY_H */
