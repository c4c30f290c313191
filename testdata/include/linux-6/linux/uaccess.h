/* modlife test mock of the Linux 6.1 <linux/uaccess.h>: copies to and from user space. */
#ifndef _MOCK6_LINUX_UACCESS_H
#define _MOCK6_LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>

/* Each access may fault on user memory, and handling the fault may sleep. */

extern __must_check unsigned long
_copy_from_user(void *to, const void __user *from, unsigned long n);
extern __must_check unsigned long
_copy_to_user(void __user *to, const void *from, unsigned long n);

/* Both return the number of bytes that could not be copied. */
static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return _copy_from_user(to, from, n);
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return _copy_to_user(to, from, n);
}

extern bool access_ok(const void __user *addr, unsigned long size);
extern __must_check unsigned long clear_user(void __user *mem, unsigned long len);
extern long strncpy_from_user(char *dst, const char __user *src, long count);

/* The out-of-line helpers behind get_user() and put_user(); 0 or -EFAULT. */
extern int __get_user_nocheck(void *to, const void __user *from, unsigned long size);
extern int __put_user_nocheck(const void *from, void __user *to, unsigned long size);

#define get_user(x, ptr) \
({ \
	might_fault(); \
	unsigned long long __gu_val = 0; \
	int __gu_err = __get_user_nocheck(&__gu_val, (ptr), sizeof(*(ptr))); \
	(x) = (__force typeof(*(ptr)))__gu_val; \
	__gu_err; \
})

#define put_user(x, ptr) \
({ \
	might_fault(); \
	typeof(*(ptr)) __pu_val = (x); \
	__put_user_nocheck(&__pu_val, (ptr), sizeof(*(ptr))); \
})

#endif /* _MOCK6_LINUX_UACCESS_H */
