/* modlife test mock of the Linux 2.4 <linux/major.h>: a few assigned majors. */
#ifndef _MOCK24_LINUX_MAJOR_H
#define _MOCK24_LINUX_MAJOR_H

#define MEM_MAJOR 1
#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5
#define LP_MAJOR 6
#define MISC_MAJOR 10
#define SCSI_DISK0_MAJOR 8
#define SOUND_MAJOR 14
#define IDE0_MAJOR 3
#define LOOP_MAJOR 7

#endif /* _MOCK24_LINUX_MAJOR_H */
