/* modlife test mock of the FreeBSD <sys/cdefs.h>: compiler attribute spellings. */
#ifndef _MOCKFBSD_SYS_CDEFS_H
#define _MOCKFBSD_SYS_CDEFS_H

/* The real header tests for this to pick the section-based linker sets. */
#define __GNUCLIKE___SECTION 1

#define __CONCAT1(x, y) x ## y
#define __CONCAT(x, y) __CONCAT1(x, y)
#define __STRING(x) #x
#define __XSTRING(x) __STRING(x)

#define __dead2 __attribute__((__noreturn__))
#define __pure2 __attribute__((__const__))
#define __unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(x) __attribute__((__section__(x)))
#define __weak_symbol __attribute__((__weak__))
#define __malloc_like __attribute__((__malloc__))
#define __alloc_size(x) __attribute__((__alloc_size__(x)))
#define __alloc_size2(n, x) __attribute__((__alloc_size__(n, x)))
#define __result_use_check __attribute__((__warn_unused_result__))
#define __printflike(fmtarg, firstvararg) \
	__attribute__((__format__(__printf__, fmtarg, firstvararg)))
#define __nonnull(x) __attribute__((__nonnull__(x)))
#define __predict_true(exp) __builtin_expect((exp), 1)
#define __predict_false(exp) __builtin_expect((exp), 0)
#define __containerof(x, s, m) \
	((s *)((char *)(x) - __builtin_offsetof(s, m)))
#define __DECONST(type, var) ((type)(__uintptr_t)(const void *)(var))
#define __DEVOLATILE(type, var) ((type)(__uintptr_t)(volatile void *)(var))

/* Only KASAN kernels give this a meaning. */
#define __NOASAN

/* A weak reference to a symbol the linker may or may not provide. */
#define __WEAK(sym) __asm__(".weak " __XSTRING(sym))

#define __BEGIN_DECLS
#define __END_DECLS

#endif /* _MOCKFBSD_SYS_CDEFS_H */
