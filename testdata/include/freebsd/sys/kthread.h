/*
 * modlife test mock of the FreeBSD <sys/kthread.h>: kernel processes and threads.
 * The function runs module text until it calls kproc_exit()/kthread_exit(),
 * which never return; unload must wait for that. kproc_exit() wakes up
 * sleepers on the struct proc, which is the usual unload handshake.
 */
#ifndef _MOCKFBSD_SYS_KTHREAD_H
#define _MOCKFBSD_SYS_KTHREAD_H

#include <sys/cdefs.h>
#include <sys/unistd.h>

struct proc;
struct thread;

/* For SYSINIT(..., kproc_start, &desc): a kproc started at boot. */
struct kproc_desc {
	const char *arg0;		/* name of the process */
	void (*func)(void);		/* main loop */
	struct proc **global_procpp;	/* where to store its proc */
};

struct kthread_desc {
	const char *arg0;		/* name of the thread */
	void (*func)(void);		/* main loop */
	struct thread **global_threadpp; /* where to store its thread */
};

int kproc_create(void (*)(void *), void *, struct proc **, int flags,
    int pages, const char *, ...) __printflike(6, 7);
void kproc_exit(int) __dead2;
int kproc_resume(struct proc *);
void kproc_shutdown(void *, int);
void kproc_start(const void *);
int kproc_suspend(struct proc *, int);
void kproc_suspend_check(struct proc *);

/* A combined version of the above. */
int kproc_kthread_add(void (*)(void *), void *, struct proc **,
    struct thread **, int flags, int pages, const char *procname,
    const char *, ...) __printflike(8, 9);

int kthread_add(void (*)(void *), void *, struct proc *, struct thread **,
    int flags, int pages, const char *, ...) __printflike(7, 8);
void kthread_exit(void) __dead2;
int kthread_resume(struct thread *);
void kthread_shutdown(void *, int);
void kthread_start(const void *);
int kthread_suspend(struct thread *, int);
void kthread_suspend_check(void);

#endif /* _MOCKFBSD_SYS_KTHREAD_H */
