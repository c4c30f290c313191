/* modlife test mock of the FreeBSD <sys/_cpuset.h>: the CPU set type. */
#ifndef _MOCKFBSD_SYS__CPUSET_H
#define _MOCKFBSD_SYS__CPUSET_H

#define CPU_MAXSIZE 1024
#define CPU_SETSIZE CPU_MAXSIZE

typedef struct _cpuset {
	long __bits[CPU_SETSIZE / (8 * sizeof(long))];
} cpuset_t;

#endif /* _MOCKFBSD_SYS__CPUSET_H */
