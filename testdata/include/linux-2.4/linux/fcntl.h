/* modlife test mock of the Linux 2.4 <linux/fcntl.h>. */
#ifndef _MOCK24_LINUX_FCNTL_H
#define _MOCK24_LINUX_FCNTL_H

#include <asm/fcntl.h>

#endif /* _MOCK24_LINUX_FCNTL_H */
