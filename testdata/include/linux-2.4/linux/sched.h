/* modlife test mock of the Linux 2.4 <linux/sched.h>: tasks, sleeping, request_irq. */
#ifndef _MOCK24_LINUX_SCHED_H
#define _MOCK24_LINUX_SCHED_H

#include <linux/config.h>
#include <linux/linkage.h>
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kdev_t.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <asm/param.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/current.h>
#include <asm/semaphore.h>

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define TASK_ZOMBIE 4
#define TASK_STOPPED 8

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

struct task_struct {
	volatile long state;
	unsigned long flags;
	int sigpending;
	long counter;
	long nice;
	pid_t pid;
	pid_t pgrp;
	uid_t uid, euid;
	gid_t gid, egid;
	sigset_t blocked;
	char comm[16];
};

#define __set_current_state(state_value) do { current->state = (state_value); } while (0)
#define set_current_state(state_value) __set_current_state(state_value)

extern volatile unsigned long jiffies;

asmlinkage void schedule(void);
extern signed long FASTCALL(schedule_timeout(signed long timeout));

extern void FASTCALL(interruptible_sleep_on(wait_queue_head_t *q));
extern long FASTCALL(interruptible_sleep_on_timeout(wait_queue_head_t *q, signed long timeout));
extern void FASTCALL(sleep_on(wait_queue_head_t *q));
extern long FASTCALL(sleep_on_timeout(wait_queue_head_t *q, signed long timeout));

extern void FASTCALL(__wake_up(wait_queue_head_t *q, unsigned int mode, int nr));
extern void FASTCALL(__wake_up_sync(wait_queue_head_t *q, unsigned int mode, int nr));

#define wake_up(x) __wake_up((x), TASK_UNINTERRUPTIBLE | TASK_INTERRUPTIBLE, 1)
#define wake_up_all(x) __wake_up((x), TASK_UNINTERRUPTIBLE | TASK_INTERRUPTIBLE, 0)
#define wake_up_interruptible(x) __wake_up((x), TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x) __wake_up((x), TASK_INTERRUPTIBLE, 0)
#define wake_up_interruptible_sync(x) __wake_up_sync((x), TASK_INTERRUPTIBLE, 1)

extern int FASTCALL(wake_up_process(struct task_struct *tsk));

static inline int signal_pending(struct task_struct *p)
{
	return p->sigpending != 0;
}

extern int send_sig(int sig, struct task_struct *p, int priv);
extern int kill_proc(pid_t pid, int sig, int priv);
extern void flush_signals(struct task_struct *t);
extern int capable(int cap);
extern int suser(void);

/* Interrupts (in 2.4 these live here, not in <linux/interrupt.h>). */
extern int request_irq(unsigned int irq,
		       void (*handler)(int, void *, struct pt_regs *),
		       unsigned long irqflags, const char *devname, void *dev_id);
extern void free_irq(unsigned int irq, void *dev_id);

/* Kernel threads. */
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
extern int kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
extern void daemonize(void);
extern void reparent_to_init(void);

/* The big kernel lock. */
extern void lock_kernel(void);
extern void unlock_kernel(void);

#endif /* _MOCK24_LINUX_SCHED_H */
