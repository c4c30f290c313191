/* modlife test mock of the Linux 6.1 <linux/sched.h>: tasks, task states and schedule(). */
#ifndef _MOCK6_LINUX_SCHED_H
#define _MOCK6_LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <asm/current.h>

#define TASK_RUNNING 0x00000000
#define TASK_INTERRUPTIBLE 0x00000001
#define TASK_UNINTERRUPTIBLE 0x00000002
#define __TASK_STOPPED 0x00000004
#define __TASK_TRACED 0x00000008
#define TASK_PARKED 0x00000040
#define TASK_DEAD 0x00000080
#define TASK_WAKEKILL 0x00000100
#define TASK_WAKING 0x00000200
#define TASK_NOLOAD 0x00000400
#define TASK_NEW 0x00000800
#define TASK_FREEZABLE 0x00002000

#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define TASK_COMM_LEN 16

#define PF_KTHREAD 0x00200000

struct task_struct {
	unsigned int __state;
	void *stack;
	refcount_t usage;
	unsigned int flags;
	int prio;
	struct list_head tasks;
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	char comm[TASK_COMM_LEN];
};

#define __set_current_state(state_value) \
	do { WRITE_ONCE(current->__state, (state_value)); } while (0)
#define set_current_state(state_value) \
	do { WRITE_ONCE(current->__state, (state_value)); barrier(); } while (0)

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

/* Each of these gives up the CPU, so each may sleep. */
asmlinkage __visible void schedule(void);
extern long schedule_timeout(long timeout);
extern long schedule_timeout_interruptible(long timeout);
extern long schedule_timeout_killable(long timeout);
extern long schedule_timeout_uninterruptible(long timeout);
extern long schedule_timeout_idle(long timeout);
extern void io_schedule(void);

extern int _cond_resched(void);
#define cond_resched() ({ __might_resched(__FILE__, __LINE__, 0); _cond_resched(); })

extern int wake_up_process(struct task_struct *tsk);
extern int wake_up_state(struct task_struct *tsk, unsigned int state);

extern void __put_task_struct(struct task_struct *t);
#define get_task_struct(t) ({ refcount_inc(&(t)->usage); (t); })
static inline void put_task_struct(struct task_struct *t)
{
	if (refcount_dec_and_test(&t->usage))
		__put_task_struct(t);
}

extern int send_sig(int sig, struct task_struct *p, int priv);

#endif /* _MOCK6_LINUX_SCHED_H */

/* Older code finds signal_pending() through <linux/sched.h>. */
#include <linux/sched/signal.h>
