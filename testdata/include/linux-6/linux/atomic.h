/* modlife test mock of the Linux 6.1 <linux/atomic.h> (plain C, not really atomic). */
#ifndef _MOCK6_LINUX_ATOMIC_H
#define _MOCK6_LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

static inline int atomic_read(const atomic_t *v)
{
	return v->counter;
}

static inline void atomic_set(atomic_t *v, int i)
{
	v->counter = i;
}

static inline void atomic_add(int i, atomic_t *v)
{
	v->counter += i;
}

static inline void atomic_sub(int i, atomic_t *v)
{
	v->counter -= i;
}

static inline void atomic_inc(atomic_t *v)
{
	v->counter++;
}

static inline void atomic_dec(atomic_t *v)
{
	v->counter--;
}

static inline int atomic_inc_return(atomic_t *v)
{
	return ++v->counter;
}

static inline int atomic_dec_return(atomic_t *v)
{
	return --v->counter;
}

static inline bool atomic_dec_and_test(atomic_t *v)
{
	return --v->counter == 0;
}

static inline bool atomic_inc_not_zero(atomic_t *v)
{
	if (v->counter == 0)
		return false;
	v->counter++;
	return true;
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return (long)v->counter;
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	v->counter = i;
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	v->counter++;
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	v->counter--;
}

#endif /* _MOCK6_LINUX_ATOMIC_H */
