/* modlife test mock of the Linux 2.4 <linux/compiler.h>: branch hints. */
#ifndef _MOCK24_LINUX_COMPILER_H
#define _MOCK24_LINUX_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#endif /* _MOCK24_LINUX_COMPILER_H */
