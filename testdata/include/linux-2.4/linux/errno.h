/* modlife test mock of the Linux 2.4 <linux/errno.h>. */
#ifndef _MOCK24_LINUX_ERRNO_H
#define _MOCK24_LINUX_ERRNO_H

#include <asm/errno.h>

#ifdef __KERNEL__
/* Kernel-internal codes, never seen by user space. */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#endif

#endif /* _MOCK24_LINUX_ERRNO_H */
