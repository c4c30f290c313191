/* modlife test mock of the Linux 6.1 <linux/compiler_attributes.h>: attribute shorthands. */
#ifndef _MOCK6_LINUX_COMPILER_ATTRIBUTES_H
#define _MOCK6_LINUX_COMPILER_ATTRIBUTES_H

#define __aligned(x) __attribute__((__aligned__(x)))
#define __always_unused __attribute__((__unused__))
#define __maybe_unused __attribute__((__unused__))
#define __cold __attribute__((__cold__))
#define __malloc __attribute__((__malloc__))
#define __must_check __attribute__((__warn_unused_result__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __pure __attribute__((__pure__))
#define __section(section) __attribute__((__section__(section)))
#define __used __attribute__((__used__))
#define __weak __attribute__((__weak__))
#define noinline __attribute__((__noinline__))
#define fallthrough __attribute__((__fallthrough__))

#endif /* _MOCK6_LINUX_COMPILER_ATTRIBUTES_H */
