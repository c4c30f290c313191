/* modlife test mock of the Linux 2.4 <linux/version.h>. */
#ifndef _MOCK24_LINUX_VERSION_H
#define _MOCK24_LINUX_VERSION_H

#define UTS_RELEASE "2.4.20"
#define LINUX_VERSION_CODE 132116
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))

#endif /* _MOCK24_LINUX_VERSION_H */
