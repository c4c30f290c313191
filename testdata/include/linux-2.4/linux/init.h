/* modlife test mock of the Linux 2.4 <linux/init.h>: init/cleanup wiring. */
#ifndef _MOCK24_LINUX_INIT_H
#define _MOCK24_LINUX_INIT_H

#include <linux/config.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#ifndef MODULE

/* Built in: code and data discarded after boot, calls found by section. */
#define __init __attribute__((__section__(".text.init")))
#define __exit __attribute__((unused, __section__(".text.exit")))
#define __initdata __attribute__((__section__(".data.init")))
#define __exitdata __attribute__((unused, __section__(".data.exit")))

#define __init_call __attribute__((unused, __section__(".initcall.init")))
#define __exit_call __attribute__((unused, __section__(".exitcall.exit")))

#define __initcall(fn) static initcall_t __initcall_##fn __init_call = fn
#define __exitcall(fn) static exitcall_t __exitcall_##fn __exit_call = fn

#define module_init(x) __initcall(x);
#define module_exit(x) __exitcall(x);

#else /* MODULE */

/* A module keeps all its code; init_module and cleanup_module are aliases. */
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initcall(fn)
#define __exitcall(fn)

typedef int (*__init_module_func_t)(void);
typedef void (*__cleanup_module_func_t)(void);

#define module_init(x) \
	int init_module(void) __attribute__((alias(#x))); \
	static inline __attribute__((unused)) __init_module_func_t \
	__init_module_inline(void) \
	{ return x; }
#define module_exit(x) \
	void cleanup_module(void) __attribute__((alias(#x))); \
	static inline __attribute__((unused)) __cleanup_module_func_t \
	__cleanup_module_inline(void) \
	{ return x; }

#endif /* MODULE */

#define __setup(str, fn)

#endif /* _MOCK24_LINUX_INIT_H */
