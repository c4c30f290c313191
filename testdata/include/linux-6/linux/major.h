/* modlife test mock of the Linux 6.1 <linux/major.h>: a few fixed major numbers. */
#ifndef _MOCK6_LINUX_MAJOR_H
#define _MOCK6_LINUX_MAJOR_H

#define UNNAMED_MAJOR 0
#define MEM_MAJOR 1
#define TTY_MAJOR 4
#define MISC_MAJOR 10
#define SCSI_DISK0_MAJOR 8
#define INPUT_MAJOR 13
#define BLOCK_EXT_MAJOR 259

#endif /* _MOCK6_LINUX_MAJOR_H */
