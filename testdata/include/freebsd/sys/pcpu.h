/* modlife test mock of the FreeBSD <sys/pcpu.h>: the running thread. */
#ifndef _MOCKFBSD_SYS_PCPU_H
#define _MOCKFBSD_SYS_PCPU_H

#include <sys/cdefs.h>

#include <sys/types.h>

struct thread;

/* The per-CPU area; PCPU_GET(cpuid) reads this CPU's pc_cpuid. */
struct pcpu {
	struct thread *pc_curthread;
	struct thread *pc_idlethread;
	u_int pc_cpuid;
};

#ifdef _KERNEL
struct pcpu *__pcpu_self(void) __pure2;
#define PCPU_GET(member) (__pcpu_self()->pc_ ## member)
#define PCPU_PTR(member) (&__pcpu_self()->pc_ ## member)
/* amd64 reads it from %gs; the mock keeps the function-call shape. */
struct thread *__curthread(void) __pure2;
#define curthread (__curthread())
#define curproc (curthread->td_proc)
#endif

#endif /* _MOCKFBSD_SYS_PCPU_H */
