/* modlife test mock of the Linux 6.1 <linux/build_bug.h>: compile-time assertions. */
#ifndef _MOCK6_LINUX_BUILD_BUG_H
#define _MOCK6_LINUX_BUILD_BUG_H

#define BUILD_BUG_ON_MSG(cond, msg) \
	do { _Static_assert(!(cond), msg); } while (0)
#define BUILD_BUG_ON(condition) \
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

/* The message is optional; without one the expression itself is shown. */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif /* _MOCK6_LINUX_BUILD_BUG_H */
