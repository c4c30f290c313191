/* modlife test mock of the Linux 2.4 <asm/atomic.h> (plain C, no lock prefix). */
#ifndef _MOCK24_ASM_ATOMIC_H
#define _MOCK24_ASM_ATOMIC_H

typedef struct { volatile int counter; } atomic_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(atomic_t *v)
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

static inline int atomic_dec_and_test(atomic_t *v)
{
	return --v->counter == 0;
}

static inline int atomic_inc_and_test(atomic_t *v)
{
	return ++v->counter == 0;
}

#endif /* _MOCK24_ASM_ATOMIC_H */
