/* modlife test mock of the Linux 2.4 <linux/stddef.h>. */
#ifndef _MOCK24_LINUX_STDDEF_H
#define _MOCK24_LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)

#endif /* _MOCK24_LINUX_STDDEF_H */
