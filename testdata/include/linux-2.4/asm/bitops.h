/* modlife test mock of the Linux 2.4 <asm/bitops.h> (plain C bit operations). */
#ifndef _MOCK24_ASM_BITOPS_H
#define _MOCK24_ASM_BITOPS_H

#define __MOCK24_BITS (8 * sizeof(unsigned long))
#define __MOCK24_WORD(nr, addr) (((volatile unsigned long *)(addr))[(nr) / __MOCK24_BITS])
#define __MOCK24_MASK(nr) (1UL << ((nr) % __MOCK24_BITS))

static inline void set_bit(int nr, volatile void *addr)
{
	__MOCK24_WORD(nr, addr) |= __MOCK24_MASK(nr);
}

static inline void clear_bit(int nr, volatile void *addr)
{
	__MOCK24_WORD(nr, addr) &= ~__MOCK24_MASK(nr);
}

static inline int test_bit(int nr, const volatile void *addr)
{
	return (((const volatile unsigned long *)addr)[nr / __MOCK24_BITS] &
		__MOCK24_MASK(nr)) != 0;
}

static inline int test_and_set_bit(int nr, volatile void *addr)
{
	int old = test_bit(nr, addr);
	set_bit(nr, addr);
	return old;
}

static inline int test_and_clear_bit(int nr, volatile void *addr)
{
	int old = test_bit(nr, addr);
	clear_bit(nr, addr);
	return old;
}

#endif /* _MOCK24_ASM_BITOPS_H */
