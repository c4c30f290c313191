/* modlife test mock of the FreeBSD <sys/param.h>: version, limits, sleep priorities and arithmetic macros. */
#ifndef _MOCKFBSD_SYS_PARAM_H
#define _MOCKFBSD_SYS_PARAM_H

#include <sys/_null.h>

/* A FreeBSD 15-CURRENT kernel: DRIVER_MODULE without devclass, sysinits on a STAILQ. */
#undef __FreeBSD_version
#define __FreeBSD_version 1500019
#define __FreeBSD_kernel__

#include <sys/types.h>
#include <sys/errno.h>
#include <sys/time.h>
#include <sys/priority.h>

#define MAXCOMLEN 19
#define MAXINTERP 1024
#define MAXLOGNAME 33
#define MAXHOSTNAMELEN 256
#define SPECNAMELEN 255
#define MAXPATHLEN 1024
#define MAXBSIZE 65536
#define PAGE_SHIFT 12
#define PAGE_SIZE (1 << PAGE_SHIFT)
#define PAGE_MASK (PAGE_SIZE - 1)

/* Sleep flags, or'ed into the priority argument of tsleep() and msleep(). */
#define PRIMASK 0x0ff
#define PCATCH 0x100	/* wake on a signal and return EINTR or ERESTART */
#define PDROP 0x200	/* leave the interlock dropped on return */
#define PNOLOCK 0x400	/* do not reacquire the interlock */

#define NBBY 8
#define howmany(x, y) (((x) + ((y) - 1)) / (y))
#define nitems(x) (sizeof((x)) / sizeof((x)[0]))
#define rounddown(x, y) (((x) / (y)) * (y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define roundup2(x, y) (((x) + ((y) - 1)) & (~((y) - 1)))
#define powerof2(x) ((((x) - 1) & (x)) == 0)
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#define MAX(a, b) (((a) > (b)) ? (a) : (b))

#endif /* _MOCKFBSD_SYS_PARAM_H */
