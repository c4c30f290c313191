/* modlife test mock of the Linux 2.4 <linux/linkage.h>. */
#ifndef _MOCK24_LINUX_LINKAGE_H
#define _MOCK24_LINUX_LINKAGE_H

#define asmlinkage
#define FASTCALL(x) x

#endif /* _MOCK24_LINUX_LINKAGE_H */
