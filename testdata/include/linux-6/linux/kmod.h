/* modlife test mock of the Linux 6.1 <linux/kmod.h>: asking modprobe to load a module. */
#ifndef _MOCK6_LINUX_KMOD_H
#define _MOCK6_LINUX_KMOD_H

#include <linux/umh.h>
#include <linux/gfp.h>
#include <linux/stddef.h>
#include <linux/errno.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define KMOD_PATH_LEN 256

#ifdef CONFIG_MODULES
extern char modprobe_path[];

/*
 * Starts modprobe for the formatted name; with wait true it also waits for
 * modprobe to exit. The result is modprobe's exit status or -errno.
 */
extern __printf(2, 3)
int __request_module(bool wait, const char *name, ...);

#define request_module(mod...) __request_module(true, mod)
#define request_module_nowait(mod...) __request_module(false, mod)
/* x again after loading, if it was NULL or 0 the first time. */
#define try_then_request_module(x, mod...) \
	((x) ?: (__request_module(true, mod), (x)))
#else
static inline int request_module(const char *name, ...) { return -ENOSYS; }
static inline int request_module_nowait(const char *name, ...) { return -ENOSYS; }
#define try_then_request_module(x, mod...) (x)
#endif

#endif /* _MOCK6_LINUX_KMOD_H */
