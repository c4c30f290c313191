/* modlife test mock of the FreeBSD <sys/proc.h>: processes and threads, as far as drivers look. */
#ifndef _MOCKFBSD_SYS_PROC_H
#define _MOCKFBSD_SYS_PROC_H

#include <sys/param.h>
#include <sys/queue.h>
#include <sys/pcpu.h>
#include <sys/_mutex.h>

struct ucred;
struct vnet;

struct thread {
	struct proc *td_proc;		/* associated process */
	TAILQ_ENTRY(thread) td_plist;	/* all threads in this proc */
	lwpid_t td_tid;			/* thread id */
	int td_flags;
	u_char td_priority;
	struct ucred *td_ucred;		/* credentials of the thread */
	struct vnet *td_vnet;		/* effective vnet */
	char td_name[MAXCOMLEN + 1];	/* thread name */
};

struct proc {
	LIST_ENTRY(proc) p_list;	/* list of all processes */
	TAILQ_HEAD(, thread) p_threads;	/* all threads */
	struct mtx p_mtx;		/* per-process lock */
	struct ucred *p_ucred;		/* process owner's identity */
	int p_flag;			/* P_* flags */
	pid_t p_pid;			/* process identifier */
	char p_comm[MAXCOMLEN + 1];	/* process name */
};

#define P_SYSTEM 0x00200	/* system process: kproc */
#define P_KPROC P_SYSTEM

#ifdef _KERNEL
extern struct proc proc0;
extern struct thread thread0;

#define PROC_LOCK(p) mtx_lock(&(p)->p_mtx)
#define PROC_UNLOCK(p) mtx_unlock(&(p)->p_mtx)

int priv_check(struct thread *td, int priv);
void kern_yield(int);
#endif

#endif /* _MOCKFBSD_SYS_PROC_H */
