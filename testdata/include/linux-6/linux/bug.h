/* modlife test mock of the Linux 6.1 <linux/bug.h>: BUG_ON and WARN_ON. */
#ifndef _MOCK6_LINUX_BUG_H
#define _MOCK6_LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

extern __printf(4, 5) void warn_slowpath_fmt(const char *file, const int line,
					      unsigned taint, const char *fmt, ...);

#define BUG() do { __builtin_trap(); } while (0)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define __WARN() warn_slowpath_fmt(__FILE__, __LINE__, 9, NULL)

/* Warns, then yields the condition so that it can be tested. */
#define WARN_ON(condition) ({ \
	int __ret_warn_on = !!(condition); \
	if (unlikely(__ret_warn_on)) \
		__WARN(); \
	unlikely(__ret_warn_on); \
})
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN(condition, format...) ({ \
	int __ret_warn_on = !!(condition); \
	if (unlikely(__ret_warn_on)) \
		warn_slowpath_fmt(__FILE__, __LINE__, 9, format); \
	unlikely(__ret_warn_on); \
})
#define WARN_ONCE(condition, format...) WARN(condition, format)

#endif /* _MOCK6_LINUX_BUG_H */
