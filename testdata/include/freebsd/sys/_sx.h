/* modlife test mock of the FreeBSD <sys/_sx.h>: struct sx. */
#ifndef _MOCKFBSD_SYS__SX_H
#define _MOCKFBSD_SYS__SX_H

#include <sys/lock.h>

struct sx {
	struct lock_object lock_object;
	volatile uintptr_t sx_lock;
};

#endif /* _MOCKFBSD_SYS__SX_H */
