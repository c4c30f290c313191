/* modlife test mock of the Linux 6.1 <linux/export.h>: THIS_MODULE and symbol exports. */
#ifndef _MOCK6_LINUX_EXPORT_H
#define _MOCK6_LINUX_EXPORT_H

#include <linux/compiler.h>

struct module;

/* A module's own struct module, which modpost generates; none when built in. */
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

/* The ksymtab entry is left out; the declaration keeps the shape checkable. */
#define __EXPORT_SYMBOL(sym, sec, ns) extern typeof(sym) sym

#define _EXPORT_SYMBOL(sym, sec) __EXPORT_SYMBOL(sym, sec, "")
#define EXPORT_SYMBOL(sym) _EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym) _EXPORT_SYMBOL(sym, "_gpl")
#define EXPORT_SYMBOL_NS(sym, ns) __EXPORT_SYMBOL(sym, "", #ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) __EXPORT_SYMBOL(sym, "_gpl", #ns)

#endif /* _MOCK6_LINUX_EXPORT_H */
