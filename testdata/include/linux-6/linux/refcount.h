/* modlife test mock of the Linux 6.1 <linux/refcount.h>: saturating reference counts. */
#ifndef _MOCK6_LINUX_REFCOUNT_H
#define _MOCK6_LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n), }

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

static inline void refcount_inc(refcount_t *r)
{
	atomic_inc(&r->refs);
}

static inline void refcount_dec(refcount_t *r)
{
	atomic_dec(&r->refs);
}

static inline __must_check bool refcount_inc_not_zero(refcount_t *r)
{
	return atomic_inc_not_zero(&r->refs);
}

static inline __must_check bool refcount_dec_and_test(refcount_t *r)
{
	return atomic_dec_and_test(&r->refs);
}

#endif /* _MOCK6_LINUX_REFCOUNT_H */
