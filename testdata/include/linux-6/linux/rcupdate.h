/* modlife test mock of the Linux 6.1 <linux/rcupdate.h>: read-copy update. */
#ifndef _MOCK6_LINUX_RCUPDATE_H
#define _MOCK6_LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Runs func after a grace period, in softirq context; does not sleep. */
void call_rcu(struct rcu_head *head, rcu_callback_t func);
/* Waits for a grace period. */
void synchronize_rcu(void);
/* Waits for every callback queued so far by call_rcu() to finish. */
void rcu_barrier(void);

void __rcu_read_lock(void);
void __rcu_read_unlock(void);

static __always_inline void rcu_read_lock(void)
{
	__rcu_read_lock();
}

static inline void rcu_read_unlock(void)
{
	__rcu_read_unlock();
}

#define rcu_dereference(p) READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_assign_pointer(p, v) WRITE_ONCE((p), (v))
#define RCU_INIT_POINTER(p, v) do { (p) = (v); } while (0)

#endif /* _MOCK6_LINUX_RCUPDATE_H */
