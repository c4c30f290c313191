/* modlife test mock of the FreeBSD <sys/lock.h>: the lock object every lock type starts with. */
#ifndef _MOCKFBSD_SYS_LOCK_H
#define _MOCKFBSD_SYS_LOCK_H

#include <sys/types.h>

struct witness;

/* msleep(), cv_wait() and callout_init_mtx() take &(lock)->lock_object. */
struct lock_object {
	const char *lo_name;
	u_int lo_flags;
	u_int lo_data;
	struct witness *lo_witness;
};

#define LOP_QUIET 0x00000002
#define LOP_TRACE 0x00000004
#define LOP_DUPOK 0x00000010

#define LA_MASKASSERT 0x000000ff
#define LA_UNLOCKED 0x00000000
#define LA_LOCKED 0x00000001
#define LA_SLOCKED 0x00000002
#define LA_XLOCKED 0x00000004
#define LA_RECURSED 0x00000008
#define LA_NOTRECURSED 0x00000010

#ifndef LOCK_DEBUG
#define LOCK_DEBUG 0
#endif

/* File and line are passed down only in debugging kernels. */
#if LOCK_DEBUG > 0
#define LOCK_FILE __FILE__
#define LOCK_LINE __LINE__
#else
#define LOCK_FILE NULL
#define LOCK_LINE 0
#endif

#endif /* _MOCKFBSD_SYS_LOCK_H */
