/*
 * modlife test mock of the FreeBSD <sys/sx.h>: shared/exclusive locks.
 * Unlike a mutex, an sx lock may be held across a sleep (malloc(M_WAITOK),
 * uiomove()), and taking one may itself sleep.
 */
#ifndef _MOCKFBSD_SYS_SX_H
#define _MOCKFBSD_SYS_SX_H

#include <sys/_sx.h>
#include <sys/lock.h>
#include <sys/kernel.h>
#include <sys/time.h>

#define SX_DUPOK 0x01
#define SX_NOPROFILE 0x02
#define SX_NOWITNESS 0x04
#define SX_QUIET 0x08
#define SX_NOADAPTIVE 0x10
#define SX_RECURSE 0x20
#define SX_NEW 0x40

/* Options of the lock operations. */
#define SX_INTERRUPTIBLE 0x40

#define SA_LOCKED LA_LOCKED
#define SA_SLOCKED LA_SLOCKED
#define SA_XLOCKED LA_XLOCKED
#define SA_UNLOCKED LA_UNLOCKED

#ifdef _KERNEL
void sx_sysinit(void *arg);
void sx_init_flags(struct sx *sx, const char *description, int opts);
void sx_destroy(struct sx *sx);
int sx_try_slock_int(struct sx *sx, const char *file, int line);
int sx_try_xlock_int(struct sx *sx, const char *file, int line);
int _sx_slock(struct sx *sx, int opts, const char *file, int line);
int _sx_xlock(struct sx *sx, int opts, const char *file, int line);
void _sx_sunlock(struct sx *sx, const char *file, int line);
void _sx_xunlock(struct sx *sx, const char *file, int line);
int sx_try_upgrade_int(struct sx *sx, const char *file, int line);
void sx_downgrade_int(struct sx *sx, const char *file, int line);

#define sx_init(sx, desc) sx_init_flags((sx), (desc), 0)

#define sx_xlock(sx) (void)_sx_xlock((sx), 0, LOCK_FILE, LOCK_LINE)
#define sx_xlock_sig(sx) _sx_xlock((sx), SX_INTERRUPTIBLE, LOCK_FILE, LOCK_LINE)
#define sx_xunlock(sx) _sx_xunlock((sx), LOCK_FILE, LOCK_LINE)
#define sx_slock(sx) (void)_sx_slock((sx), 0, LOCK_FILE, LOCK_LINE)
#define sx_slock_sig(sx) _sx_slock((sx), SX_INTERRUPTIBLE, LOCK_FILE, LOCK_LINE)
#define sx_sunlock(sx) _sx_sunlock((sx), LOCK_FILE, LOCK_LINE)
#define sx_try_xlock(sx) sx_try_xlock_int((sx), LOCK_FILE, LOCK_LINE)
#define sx_try_slock(sx) sx_try_slock_int((sx), LOCK_FILE, LOCK_LINE)

#define sx_sleep(chan, sx, pri, wmesg, timo) \
	_sleep((chan), &(sx)->lock_object, (pri), (wmesg), \
	    tick_sbt * (timo), 0, C_HARDCLOCK)

#ifdef INVARIANTS
void _sx_assert(const struct sx *sx, int what, const char *file, int line);
#define sx_assert(sx, what) _sx_assert((sx), (what), __FILE__, __LINE__)
#else
#define sx_assert(sx, what) (void)0
#endif

struct sx_args {
	struct sx *sa_sx;
	const char *sa_desc;
	int sa_flags;
};

#define SX_SYSINIT_FLAGS(name, sxa, desc, flags) \
	static struct sx_args name##_args = { \
		(sxa), \
		(desc), \
		(flags) \
	}; \
	SYSINIT(name##_sx_sysinit, SI_SUB_LOCK, SI_ORDER_MIDDLE, \
	    sx_sysinit, &name##_args); \
	SYSUNINIT(name##_sx_sysuninit, SI_SUB_LOCK, SI_ORDER_MIDDLE, \
	    sx_destroy, (sxa))

#define SX_SYSINIT(name, sxa, desc) SX_SYSINIT_FLAGS(name, sxa, desc, 0)
#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_SX_H */
