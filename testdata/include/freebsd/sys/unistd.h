/* modlife test mock of the FreeBSD <sys/unistd.h>: rfork flags kproc_create() accepts. */
#ifndef _MOCKFBSD_SYS_UNISTD_H
#define _MOCKFBSD_SYS_UNISTD_H

#define RFNAMEG (1 << 0)
#define RFENVG (1 << 1)
#define RFFDG (1 << 2)
#define RFNOTEG (1 << 3)
#define RFPROC (1 << 4)
#define RFMEM (1 << 5)
#define RFNOWAIT (1 << 6)
#define RFCNAMEG (1 << 10)
#define RFCENVG (1 << 11)
#define RFCFDG (1 << 12)
#define RFTHREAD (1 << 13)
#define RFSIGSHARE (1 << 14)
#define RFLINUXTHPN (1 << 16)
#define RFSTOPPED (1 << 17)	/* leave the new thread stopped */
#define RFHIGHPID (1 << 18)

#endif /* _MOCKFBSD_SYS_UNISTD_H */
