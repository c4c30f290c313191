/* modlife test mock of the Linux 2.4 <linux/ioctl.h>. */
#ifndef _MOCK24_LINUX_IOCTL_H
#define _MOCK24_LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif /* _MOCK24_LINUX_IOCTL_H */
