/* modlife test mock of the FreeBSD <sys/_mutex.h>: struct mtx. */
#ifndef _MOCKFBSD_SYS__MUTEX_H
#define _MOCKFBSD_SYS__MUTEX_H

#include <sys/lock.h>

struct mtx {
	struct lock_object lock_object;	/* common lock properties */
	volatile uintptr_t mtx_lock;	/* owner and flags */
};

#endif /* _MOCKFBSD_SYS__MUTEX_H */
