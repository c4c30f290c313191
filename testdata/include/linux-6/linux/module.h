/* modlife test mock of the Linux 6.1 <linux/module.h>: module references and module_init. */
#ifndef _MOCK6_LINUX_MODULE_H
#define _MOCK6_LINUX_MODULE_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/kmod.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>
#include <linux/atomic.h>

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

enum module_state {
	MODULE_STATE_LIVE,	/* Normal state. */
	MODULE_STATE_COMING,	/* Fully formed, running its init function. */
	MODULE_STATE_GOING,	/* Going away. */
	MODULE_STATE_UNFORMED,	/* Still being set up. */
};

struct module {
	enum module_state state;
	struct list_head list;
	char name[MODULE_NAME_LEN];
	const char *version;
	const char *srcversion;
	int (*init)(void);
	struct list_head source_list;
	struct list_head target_list;
	void (*exit)(void);
	atomic_t refcnt;
};

/* These are either module local, or the kernel's dummy ones. */
extern int init_module(void);
extern void cleanup_module(void);

#ifndef MODULE

/* Built in: the init function is an initcall and the exit function is never run. */
#define module_init(x) __initcall(x);
#define module_exit(x) __exitcall(x);

#else /* MODULE */

/* A module has a single init function whatever level it asks for. */
#define early_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define core_initcall_sync(fn) module_init(fn)
#define postcore_initcall(fn) module_init(fn)
#define postcore_initcall_sync(fn) module_init(fn)
#define arch_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define subsys_initcall_sync(fn) module_init(fn)
#define fs_initcall(fn) module_init(fn)
#define fs_initcall_sync(fn) module_init(fn)
#define rootfs_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define device_initcall_sync(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)
#define late_initcall_sync(fn) module_init(fn)

#define console_initcall(fn) module_init(fn)

/*
 * The loader calls init_module() and, on removal, cleanup_module(): each is
 * an alias of the named function. __inittest()/__exittest() check its type.
 */
#define module_init(initfn) \
	static inline initcall_t __maybe_unused __inittest(void) \
	{ return initfn; } \
	int init_module(void) __attribute__((alias(#initfn)));

#define module_exit(exitfn) \
	static inline exitcall_t __maybe_unused __exittest(void) \
	{ return exitfn; } \
	void cleanup_module(void) __attribute__((alias(#exitfn)));

#endif /* MODULE */

#ifdef CONFIG_MODULES
#define __init_or_module
#define __initdata_or_module
#else
#define __init_or_module __init
#define __initdata_or_module __initdata
#endif

/* Module information, kept in .modinfo. */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, __stringify(ns))

#ifdef MODULE
/* Keeps the table alive for modpost, which turns it into aliases. */
#define MODULE_DEVICE_TABLE(type, name) \
	static const void *__mod_##type##__##name##_device_table __used = &(name)
#else
#define MODULE_DEVICE_TABLE(type, name)
#endif

#ifdef CONFIG_MODULES

extern int module_refcount(struct module *mod);

/* symbol_get() takes a reference on the module exporting x; symbol_put() drops it. */
void *__symbol_get(const char *symbol);
void __symbol_put(const char *symbol);
#define symbol_get(x) ((typeof(&x))(__symbol_get(__stringify(x))))
#define symbol_put(x) __symbol_put(__stringify(x))
void symbol_put_addr(void *addr);

/*
 * A kernel thread that pinned its own module drops the reference and exits
 * in one step, so that it never returns into module text.
 */
extern void __noreturn __module_put_and_kthread_exit(struct module *mod, long code);
#define module_put_and_kthread_exit(code) __module_put_and_kthread_exit(THIS_MODULE, code)

#ifdef CONFIG_MODULE_UNLOAD
/* Takes a reference unconditionally: the caller must already hold one. */
extern void __module_get(struct module *module);
/* Takes a reference unless the module is going away; true on success. */
extern bool try_module_get(struct module *module);
extern void module_put(struct module *module);
#else
static inline bool try_module_get(struct module *module)
{
	return !module || module->state == MODULE_STATE_LIVE;
}
static inline void module_put(struct module *module) { }
static inline void __module_get(struct module *module) { }
#endif

#define module_name(mod) \
({ \
	struct module *__mod = (mod); \
	__mod ? __mod->name : "kernel"; \
})

static inline bool module_is_live(struct module *mod)
{
	return mod->state != MODULE_STATE_GOING;
}

#endif /* CONFIG_MODULES */

#endif /* _MOCK6_LINUX_MODULE_H */
