/* modlife test mock of the Linux 6.1 <linux/sched/signal.h>: pending signals. */
#ifndef _MOCK6_LINUX_SCHED_SIGNAL_H
#define _MOCK6_LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

extern int signal_pending(struct task_struct *p);
extern int fatal_signal_pending(struct task_struct *p);
extern void flush_signals(struct task_struct *t);
extern void allow_signal(int sig);

#endif /* _MOCK6_LINUX_SCHED_SIGNAL_H */
