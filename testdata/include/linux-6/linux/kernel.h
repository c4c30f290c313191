/* modlife test mock of the Linux 6.1 <linux/kernel.h>: might_sleep, helpers, printing. */
#ifndef _MOCK6_LINUX_KERNEL_H
#define _MOCK6_LINUX_KERNEL_H

#include <linux/limits.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/build_bug.h>
#include <linux/printk.h>
#include <linux/bug.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define min(x, y) ({ typeof(x) __x = (x); typeof(y) __y = (y); __x < __y ? __x : __y; })
#define max(x, y) ({ typeof(x) __x = (x); typeof(y) __y = (y); __x > __y ? __x : __y; })
#define min_t(type, x, y) min((type)(x), (type)(y))
#define max_t(type, x, y) max((type)(x), (type)(y))

/*
 * might_sleep() marks code that may block. With CONFIG_DEBUG_ATOMIC_SLEEP it
 * reports a call made in atomic context; might_resched() is empty without
 * voluntary preemption.
 */
#define might_resched() do { } while (0)

extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_sleep(const char *file, int line);

#define might_sleep() \
	do { __might_sleep(__FILE__, __LINE__); might_resched(); } while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

/* An access to user memory may fault, and handling the fault may sleep. */
void __might_fault(const char *file, int line);
#define might_fault() __might_fault(__FILE__, __LINE__)

extern __printf(1, 2) __noreturn void panic(const char *fmt, ...);
extern __printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
extern __printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(2, 3) __malloc char *kasprintf(gfp_t gfp, const char *fmt, ...);

extern int __must_check kstrtoint(const char *s, unsigned int base, int *res);
extern int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);

#endif /* _MOCK6_LINUX_KERNEL_H */
