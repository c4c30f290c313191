/* modlife test mock of the FreeBSD <sys/fcntl.h>: open flags seen by d_open. */
#ifndef _MOCKFBSD_SYS_FCNTL_H
#define _MOCKFBSD_SYS_FCNTL_H

#define O_RDONLY 0x0000
#define O_WRONLY 0x0001
#define O_RDWR 0x0002
#define O_ACCMODE 0x0003
#define O_NONBLOCK 0x0004
#define O_APPEND 0x0008
#define O_EXCL 0x0800

#ifdef _KERNEL
/* The kernel's view: FREAD/FWRITE instead of the access mode. */
#define FREAD 0x0001
#define FWRITE 0x0002
#define FNONBLOCK O_NONBLOCK
#define FAPPEND O_APPEND
#endif

#endif /* _MOCKFBSD_SYS_FCNTL_H */
