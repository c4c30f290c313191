/*
 * modlife test mock of the FreeBSD <sys/linker_set.h>: linker sets.
 * A set is an ELF section "set_<name>" of pointers; the kernel linker finds
 * every sysinit, module and metadata record of a loaded file by walking its
 * sets between __start_set_<name> and __stop_set_<name>.
 */
#ifndef _MOCKFBSD_SYS_LINKER_SET_H
#define _MOCKFBSD_SYS_LINKER_SET_H

#include <sys/cdefs.h>

/* Private: one pointer to sym, placed in the set's section. */
#define __MAKE_SET_QV(set, sym, qv) \
	__WEAK(__CONCAT(__start_set_, set)); \
	__WEAK(__CONCAT(__stop_set_, set)); \
	static void const * qv \
	__NOASAN \
	__set_##set##_sym_##sym __section("set_" #set) \
	__used = &(sym)
#define __MAKE_SET_CONST const
#define __MAKE_SET(set, sym) __MAKE_SET_QV(set, sym, __MAKE_SET_CONST)

/* Public: DATA_WSET's entries stay writable (the sysinit sort rewrites them). */
#define TEXT_SET(set, sym) __MAKE_SET(set, sym)
#define DATA_SET(set, sym) __MAKE_SET(set, sym)
#define DATA_WSET(set, sym) __MAKE_SET_QV(set, sym, )
#define BSS_SET(set, sym) __MAKE_SET(set, sym)
#define ABS_SET(set, sym) __MAKE_SET(set, sym)
#define SET_ENTRY(set, sym) __MAKE_SET(set, sym)

#define SET_DECLARE(set, ptype) \
	extern ptype __weak_symbol *__CONCAT(__start_set_, set); \
	extern ptype __weak_symbol *__CONCAT(__stop_set_, set)

#define SET_BEGIN(set) (&__CONCAT(__start_set_, set))
#define SET_LIMIT(set) (&__CONCAT(__stop_set_, set))

#define SET_FOREACH(pvar, set) \
	for (pvar = SET_BEGIN(set); pvar < SET_LIMIT(set); pvar++)

#define SET_ITEM(set, i) ((SET_BEGIN(set))[i])
#define SET_COUNT(set) (SET_LIMIT(set) - SET_BEGIN(set))

#endif /* _MOCKFBSD_SYS_LINKER_SET_H */
