/*
 * modlife test mock of the FreeBSD <sys/mutex.h>: mutexes.
 * A default (MTX_DEF) mutex may be held across nothing that sleeps
 * unboundedly; msleep()/mtx_sleep() drop it while asleep.
 */
#ifndef _MOCKFBSD_SYS_MUTEX_H
#define _MOCKFBSD_SYS_MUTEX_H

#include <sys/_mutex.h>
#include <sys/lock.h>
#include <sys/kernel.h>
#include <sys/time.h>
#include <sys/pcpu.h>

#define MTX_DEF 0x00000000		/* default (sleep) lock */
#define MTX_SPIN 0x00000001		/* spin lock */
#define MTX_RECURSE 0x00000004		/* may be recursed */
#define MTX_NOWITNESS 0x00000008	/* not checked by WITNESS */
#define MTX_NOPROFILE 0x00000020
#define MTX_NEW 0x00000040		/* memory is not zeroed */
#define MTX_QUIET LOP_QUIET
#define MTX_DUPOK LOP_DUPOK

#define MA_OWNED LA_XLOCKED
#define MA_NOTOWNED LA_UNLOCKED
#define MA_RECURSED LA_RECURSED
#define MA_NOTRECURSED LA_NOTRECURSED

#ifdef _KERNEL
/* The functions take the lock word; the macros pass &(m)->mtx_lock. */
void _mtx_init(volatile uintptr_t *c, const char *name, const char *type, int opts);
void _mtx_destroy(volatile uintptr_t *c);
void mtx_sysinit(void *arg);
int _mtx_trylock_flags_int(struct mtx *m, int opts, const char *file, int line);
int _mtx_trylock_flags_(volatile uintptr_t *c, int opts, const char *file, int line);
void __mtx_lock_flags(volatile uintptr_t *c, int opts, const char *file, int line);
void __mtx_unlock_flags(volatile uintptr_t *c, int opts, const char *file, int line);
void __mtx_lock_spin_flags(volatile uintptr_t *c, int opts, const char *file, int line);
void __mtx_unlock_spin_flags(volatile uintptr_t *c, int opts, const char *file, int line);
void __mtx_assert(const volatile uintptr_t *c, int what, const char *file, int line);

#define mtx_init(m, n, t, o) _mtx_init(&(m)->mtx_lock, n, t, o)
#define mtx_destroy(m) _mtx_destroy(&(m)->mtx_lock)

#define mtx_lock_flags_(m, opts, file, line) \
	__mtx_lock_flags(&(m)->mtx_lock, opts, file, line)
#define mtx_unlock_flags_(m, opts, file, line) \
	__mtx_unlock_flags(&(m)->mtx_lock, opts, file, line)
#define mtx_lock_spin_flags_(m, opts, file, line) \
	__mtx_lock_spin_flags(&(m)->mtx_lock, opts, file, line)
#define mtx_unlock_spin_flags_(m, opts, file, line) \
	__mtx_unlock_spin_flags(&(m)->mtx_lock, opts, file, line)
#define mtx_trylock_flags_(m, opts, file, line) \
	_mtx_trylock_flags_(&(m)->mtx_lock, opts, file, line)

#define mtx_lock_flags(m, opts) mtx_lock_flags_((m), (opts), LOCK_FILE, LOCK_LINE)
#define mtx_unlock_flags(m, opts) mtx_unlock_flags_((m), (opts), LOCK_FILE, LOCK_LINE)
#define mtx_lock_spin_flags(m, opts) mtx_lock_spin_flags_((m), (opts), LOCK_FILE, LOCK_LINE)
#define mtx_unlock_spin_flags(m, opts) mtx_unlock_spin_flags_((m), (opts), LOCK_FILE, LOCK_LINE)
#define mtx_trylock_flags(m, opts) mtx_trylock_flags_((m), (opts), LOCK_FILE, LOCK_LINE)

#define mtx_lock(m) mtx_lock_flags((m), 0)
#define mtx_unlock(m) mtx_unlock_flags((m), 0)
#define mtx_lock_spin(m) mtx_lock_spin_flags((m), 0)
#define mtx_unlock_spin(m) mtx_unlock_spin_flags((m), 0)
#define mtx_trylock(m) mtx_trylock_flags((m), 0)

#define mtx_owned(m) (((m)->mtx_lock & ~(uintptr_t)0x7) == (uintptr_t)curthread)
#define mtx_initialized(m) ((m)->lock_object.lo_flags != 0)

#ifdef INVARIANTS
#define mtx_assert(m, what) __mtx_assert(&(m)->mtx_lock, (what), __FILE__, __LINE__)
#else
#define mtx_assert(m, what) (void)0
#endif

/* Sleeps on chan with m dropped while asleep. */
#define mtx_sleep(chan, mtx, pri, wmesg, timo) \
	_sleep((chan), &(mtx)->lock_object, (pri), (wmesg), \
	    tick_sbt * (timo), 0, C_HARDCLOCK)

extern struct mtx Giant;

/* A mutex set up at SI_SUB_LOCK and destroyed when its file is unloaded. */
struct mtx_args {
	void *ma_mtx;
	const char *ma_desc;
	int ma_opts;
};

#define MTX_SYSINIT(name, mtx, desc, opts) \
	static struct mtx_args name##_args = { \
		(mtx), \
		(desc), \
		(opts) \
	}; \
	SYSINIT(name##_mtx_sysinit, SI_SUB_LOCK, SI_ORDER_MIDDLE, \
	    mtx_sysinit, &name##_args); \
	SYSUNINIT(name##_mtx_sysuninit, SI_SUB_LOCK, SI_ORDER_MIDDLE, \
	    _mtx_destroy, __DEVOLATILE(void *, &(mtx)->mtx_lock))
#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_MUTEX_H */
