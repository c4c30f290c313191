/*
 * modlife test mock of the FreeBSD <sys/syscallsubr.h>: the kern_* bodies of
 * system calls, callable from inside the kernel.
 */
#ifndef _MOCKFBSD_SYS_SYSCALLSUBR_H
#define _MOCKFBSD_SYS_SYSCALLSUBR_H

#include <sys/types.h>

struct thread;

/*
 * kldload(2) and kldunload(2): load the file, run its sysinits (and so
 * its modules' MOD_LOAD handlers), and return its id. Sleeps and takes
 * the linker's locks.
 */
int kern_kldload(struct thread *td, const char *file, int *fileid);
int kern_kldunload(struct thread *td, int fileid, int flags);

#endif /* _MOCKFBSD_SYS_SYSCALLSUBR_H */
