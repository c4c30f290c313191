/* modlife test mock of the Linux 2.4 <linux/module.h>: the use count macros. */
#ifndef _MOCK24_LINUX_MODULE_H
#define _MOCK24_LINUX_MODULE_H

#include <linux/config.h>
#include <linux/stddef.h>
#include <linux/list.h>
#include <asm/atomic.h>

struct module_symbol {
	unsigned long value;
	const char *name;
};

struct module_ref {
	struct module *dep;
	struct module *ref;
	struct module_ref *next_ref;
};

struct module {
	unsigned long size_of_struct;
	struct module *next;
	const char *name;
	unsigned long size;

	union {
		atomic_t usecount;
		long pad;
	} uc;

	unsigned long flags;

	unsigned nsyms;
	unsigned ndeps;
	struct module_symbol *syms;
	struct module_ref *deps;
	struct module_ref *refs;
	int (*init)(void);
	void (*cleanup)(void);
	int (*can_unload)(void);
};

/* Bits of module.flags. */
#define MOD_UNINITIALIZED 0
#define MOD_RUNNING 1
#define MOD_DELETED 2
#define MOD_AUTOCLEAN 4
#define MOD_VISITED 8
#define MOD_USED_ONCE 16
#define MOD_JUST_FREED 32
#define MOD_INITIALIZING 64

/* Counting on any module, given by pointer. */
#define __MOD_INC_USE_COUNT(mod) \
	(atomic_inc(&(mod)->uc.usecount), (mod)->flags |= MOD_VISITED | MOD_USED_ONCE)
#define __MOD_DEC_USE_COUNT(mod) \
	(atomic_dec(&(mod)->uc.usecount), (mod)->flags |= MOD_VISITED)
#define __MOD_IN_USE(mod) \
	((mod)->can_unload ? (mod)->can_unload() : atomic_read(&(mod)->uc.usecount))

/* Takes a reference unless the module is on its way out; nonzero on success. */
extern int try_inc_mod_count(struct module *mod);

/* The 2.6 names, for code that straddles both (static inlines in 2.6). */
extern int try_module_get(struct module *mod);
extern void __module_get(struct module *mod);
extern void module_put(struct module *mod);

#define __MODULE_STRING_1(x) #x
#define __MODULE_STRING(x) __MODULE_STRING_1(x)

#ifdef MODULE

extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#define MOD_INC_USE_COUNT __MOD_INC_USE_COUNT(THIS_MODULE)
#define MOD_DEC_USE_COUNT __MOD_DEC_USE_COUNT(THIS_MODULE)
#define MOD_IN_USE __MOD_IN_USE(THIS_MODULE)

#define MODULE_AUTHOR(name) \
	static const char __module_author[] \
	    __attribute__((unused, section(".modinfo"))) = "author=" name
#define MODULE_DESCRIPTION(desc) \
	static const char __module_description[] \
	    __attribute__((unused, section(".modinfo"))) = "description=" desc
#define MODULE_LICENSE(license) \
	static const char __module_license[] \
	    __attribute__((unused, section(".modinfo"))) = "license=" license
#define MODULE_PARM(var, type) \
	static const char __module_parm_##var[] \
	    __attribute__((unused, section(".modinfo"))) = \
	    "parm_" __MODULE_STRING(var) "=" type
#define MODULE_PARM_DESC(var, desc) \
	static const char __module_parm_desc_##var[] \
	    __attribute__((unused, section(".modinfo"))) = \
	    "parm_desc_" __MODULE_STRING(var) "=" desc

#else /* !MODULE */

#define THIS_MODULE ((struct module *)0)

#define MOD_INC_USE_COUNT do { } while (0)
#define MOD_DEC_USE_COUNT do { } while (0)
#define MOD_IN_USE 1

#define MODULE_AUTHOR(name)
#define MODULE_DESCRIPTION(desc)
#define MODULE_LICENSE(license)
#define MODULE_PARM(var, type)
#define MODULE_PARM_DESC(var, desc)

#endif /* MODULE */

/* Late 2.4: lets the core pin the module through an object's owner field. */
#define SET_MODULE_OWNER(some_struct) \
	do { (some_struct)->owner = THIS_MODULE; } while (0)

/* One entry of the module's symbol table. */
#define EXPORT_SYMBOL(var) \
	static const struct module_symbol __ksymtab_##var \
	    __attribute__((unused, section("__ksymtab"))) = \
	    { (unsigned long)&(var), __MODULE_STRING(var) }
#define EXPORT_SYMBOL_NOVERS(var) EXPORT_SYMBOL(var)
#define EXPORT_NO_SYMBOLS

#endif /* _MOCK24_LINUX_MODULE_H */
