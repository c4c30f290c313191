/*
 * modlife test mock of the FreeBSD LinuxKPI <linux/kmod.h>
 * (sys/compat/linuxkpi/common/include/linux/kmod.h). LinuxKPI code is
 * built with -I sys/compat/linuxkpi/common/include, so it includes this
 * as <linux/kmod.h>. request_module() is a macro that formats the name
 * and calls kern_kldload() synchronously: it loads the module (sysinits,
 * MOD_LOAD) before it returns, and request_module_nowait is the same.
 */
#ifndef _MOCKFBSD_LINUXKPI_LINUX_KMOD_H
#define _MOCKFBSD_LINUXKPI_LINUX_KMOD_H

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/syscallsubr.h>
#include <sys/proc.h>

#define request_module(...) \
({ \
	char modname[128]; \
	int fileid; \
	snprintf(modname, sizeof(modname), __VA_ARGS__); \
	kern_kldload(curthread, modname, &fileid); \
})

#define request_module_nowait request_module

#endif /* _MOCKFBSD_LINUXKPI_LINUX_KMOD_H */
