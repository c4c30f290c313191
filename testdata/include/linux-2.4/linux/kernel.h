/* modlife test mock of the Linux 2.4 <linux/kernel.h>. */
#ifndef _MOCK24_LINUX_KERNEL_H
#define _MOCK24_LINUX_KERNEL_H

#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define KERN_EMERG "<0>"
#define KERN_ALERT "<1>"
#define KERN_CRIT "<2>"
#define KERN_ERR "<3>"
#define KERN_WARNING "<4>"
#define KERN_NOTICE "<5>"
#define KERN_INFO "<6>"
#define KERN_DEBUG "<7>"

#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define ULONG_MAX (~0UL)

asmlinkage int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern void panic(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
extern int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
extern int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
extern unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
extern long simple_strtol(const char *cp, char **endp, unsigned int base);

#define min(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x < _y ? _x : _y; })
#define max(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x > _y ? _x : _y; })

/* Not in 2.4 (which had list_entry); handy for tests. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif /* _MOCK24_LINUX_KERNEL_H */
