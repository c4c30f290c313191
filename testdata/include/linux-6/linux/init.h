/* modlife test mock of the Linux 6.1 <linux/init.h>: init sections and initcalls. */
#ifndef _MOCK6_LINUX_INIT_H
#define _MOCK6_LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>

/*
 * Code and data used only while starting up. The loader frees a module's
 * .init.* sections once its init function has returned; a built-in kernel
 * frees them after boot.
 */
#define __init __section(".init.text") __cold __latent_entropy __noinitretpoline
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
#define __exitdata __section(".exit.data")
#define __exit_call __used __section(".exitcall.exit")

/* Built in, exit code is never run but must still link. */
#ifdef MODULE
#define __exitused
#else
#define __exitused __used
#endif

#define __exit __section(".exit.text") __exitused __cold notrace

#define __ref __section(".ref.text") noinline
#define __refdata __section(".ref.data")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

extern initcall_t __con_initcall_start[], __con_initcall_end[];

#ifndef MODULE

/*
 * Built in: each initcall is a pointer placed in the section of its level;
 * the kernel calls them in level order during boot.
 */
#define __initcall_name(fn, id) __PASTE(__initcall__, __PASTE(fn, id))

#define ___define_initcall(fn, id, __sec) \
	static initcall_t __initcall_name(fn, id) __used \
		__attribute__((__section__(#__sec ".init"))) = fn;

#define __define_initcall(fn, id) ___define_initcall(fn, id, .initcall##id)

#define early_initcall(fn) __define_initcall(fn, early)
#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define core_initcall_sync(fn) __define_initcall(fn, 1s)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define postcore_initcall_sync(fn) __define_initcall(fn, 2s)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define arch_initcall_sync(fn) __define_initcall(fn, 3s)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define subsys_initcall_sync(fn) __define_initcall(fn, 4s)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define fs_initcall_sync(fn) __define_initcall(fn, 5s)
#define rootfs_initcall(fn) __define_initcall(fn, rootfs)
#define device_initcall(fn) __define_initcall(fn, 6)
#define device_initcall_sync(fn) __define_initcall(fn, 6s)
#define late_initcall(fn) __define_initcall(fn, 7)
#define late_initcall_sync(fn) __define_initcall(fn, 7s)

#define __initcall(fn) device_initcall(fn)

#define __exitcall(fn) \
	static exitcall_t __exitcall_##fn __exit_call = fn

#define console_initcall(fn) ___define_initcall(fn, con, .con_initcall)

#define __setup(str, fn) \
	static int (*__setup_##fn)(char *) __used __section(".init.setup") = fn

#else /* MODULE */

#define __setup(str, func) /* nothing */

#endif /* MODULE */

#ifdef MODULE
#define __exit_p(x) x
#else
#define __exit_p(x) NULL
#endif

#endif /* _MOCK6_LINUX_INIT_H */
