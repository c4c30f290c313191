/* modlife test mock of the Linux 6.1 <linux/stddef.h>: NULL, offsetof, true and false. */
#ifndef _MOCK6_LINUX_STDDEF_H
#define _MOCK6_LINUX_STDDEF_H

#include <linux/compiler_types.h>

#undef NULL
#define NULL ((void *)0)

enum {
	false = 0,
	true = 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)

#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

#endif /* _MOCK6_LINUX_STDDEF_H */
