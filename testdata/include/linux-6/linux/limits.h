/* modlife test mock of the Linux 6.1 <linux/limits.h>: integer limits. */
#ifndef _MOCK6_LINUX_LIMITS_H
#define _MOCK6_LINUX_LIMITS_H

#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#define SIZE_MAX (~(size_t)0)

#endif /* _MOCK6_LINUX_LIMITS_H */
