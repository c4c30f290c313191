/* modlife test mock of the Linux 2.4 <asm/uaccess.h>: user copies may fault and sleep. */
#ifndef _MOCK24_ASM_UACCESS_H
#define _MOCK24_ASM_UACCESS_H

#include <linux/errno.h>
#include <linux/sched.h>

#define VERIFY_READ 0
#define VERIFY_WRITE 1

extern int __access_ok(const void *addr, unsigned long size);
#define access_ok(type, addr, size) __access_ok((const void *)(addr), (size))

static inline int verify_area(int type, const void *addr, unsigned long size)
{
	(void)type;
	return access_ok(type, addr, size) ? 0 : -EFAULT;
}

extern unsigned long __generic_copy_to_user(void *to, const void *from, unsigned long n);
extern unsigned long __generic_copy_from_user(void *to, const void *from, unsigned long n);

#define copy_to_user(to, from, n) __generic_copy_to_user((to), (from), (n))
#define copy_from_user(to, from, n) __generic_copy_from_user((to), (from), (n))
#define __copy_to_user(to, from, n) __generic_copy_to_user((to), (from), (n))
#define __copy_from_user(to, from, n) __generic_copy_from_user((to), (from), (n))

/* Single values: fetch through an unsigned long, store through a local copy. */
extern int __get_user_n(unsigned long *val, const void *ptr, unsigned long size);
extern int __put_user_n(const void *val, void *ptr, unsigned long size);

#define get_user(x, ptr) \
({ \
	unsigned long __gu_val = 0; \
	int __gu_err = __get_user_n(&__gu_val, (ptr), sizeof(*(ptr))); \
	(x) = (__typeof__(*(ptr)))__gu_val; \
	__gu_err; \
})

#define put_user(x, ptr) \
({ \
	__typeof__(*(ptr)) __pu_val = (x); \
	__put_user_n(&__pu_val, (ptr), sizeof(*(ptr))); \
})

#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)

extern unsigned long clear_user(void *to, unsigned long n);
extern long strncpy_from_user(char *dst, const char *src, long count);
extern long strnlen_user(const char *str, long n);

#endif /* _MOCK24_ASM_UACCESS_H */
