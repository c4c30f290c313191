/* modlife test mock of the Linux 6.1 <linux/compiler_types.h>: sparse annotations and inlining. */
#ifndef _MOCK6_LINUX_COMPILER_TYPES_H
#define _MOCK6_LINUX_COMPILER_TYPES_H

/* The real build force-includes these two; the mocks include them here. */
#include <linux/kconfig.h>
#include <linux/compiler_attributes.h>

/* Address spaces and checks only sparse (__CHECKER__) sees; empty for a compiler. */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x) (void)0
#define __release(x) (void)0
#define __cond_lock(x, c) (c)

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)

/* A name no other use of the macro on any line can clash with. */
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __always_inline inline __attribute__((__always_inline__))
#define notrace __attribute__((__no_instrument_function__))
#define __latent_entropy
#define __noinitretpoline
#define __sched
/* GCC only; clang has no externally_visible. */
#define __visible
#define asmlinkage

#define __alloc_size(x, ...) __attribute__((__alloc_size__(x, ##__VA_ARGS__))) __malloc
#define __realloc_size(x, ...) __attribute__((__alloc_size__(x, ##__VA_ARGS__)))

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

#endif /* _MOCK6_LINUX_COMPILER_TYPES_H */
