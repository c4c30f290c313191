/* modlife test mock of the FreeBSD (amd64) <machine/atomic.h>: a few atomic operations. */
#ifndef _MOCKFBSD_MACHINE_ATOMIC_H
#define _MOCKFBSD_MACHINE_ATOMIC_H

#include <sys/types.h>

/* amd64 uses lock-prefixed instructions; the builtins have the same effect. */
static __inline void
atomic_add_int(volatile u_int *p, u_int v)
{
	__atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}

static __inline void
atomic_subtract_int(volatile u_int *p, u_int v)
{
	__atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST);
}

static __inline u_int
atomic_fetchadd_int(volatile u_int *p, u_int v)
{
	return (__atomic_fetch_add(p, v, __ATOMIC_SEQ_CST));
}

static __inline int
atomic_cmpset_int(volatile u_int *dst, u_int expect, u_int src)
{
	return (__atomic_compare_exchange_n(dst, &expect, src, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
}

static __inline void
atomic_set_int(volatile u_int *p, u_int v)
{
	__atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);
}

static __inline void
atomic_clear_int(volatile u_int *p, u_int v)
{
	__atomic_fetch_and(p, ~v, __ATOMIC_SEQ_CST);
}

#define atomic_load_int(p) (*(volatile u_int *)(p))
#define atomic_store_int(p, v) (*(volatile u_int *)(p) = (v))
#define atomic_load_acq_int(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define atomic_store_rel_int(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif /* _MOCKFBSD_MACHINE_ATOMIC_H */
