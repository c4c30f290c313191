/* modlife test mock of the Linux 6.1 <linux/workqueue.h>: work items and workqueues. */
#ifndef _MOCK6_LINUX_WORKQUEUE_H
#define _MOCK6_LINUX_WORKQUEUE_H

#include <linux/timer.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/lockdep_types.h>
#include <linux/container_of.h>
#include <linux/compiler.h>
#include <linux/bitops.h>

struct workqueue_struct;
struct work_struct;

typedef void (*work_func_t)(struct work_struct *work);

/* A work function runs later in a kworker thread, in process context. */
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};

enum {
	WORK_STRUCT_PENDING_BIT = 0,
	WORK_STRUCT_PENDING = 1 << WORK_STRUCT_PENDING_BIT,
	WORK_CPU_UNBOUND = CONFIG_NR_CPUS,
};

/* The "no pool" marker an idle work item carries in its data word. */
#define WORK_STRUCT_NO_POOL (0x7fffffffUL << 5)

#define WORK_DATA_INIT() ATOMIC_LONG_INIT((unsigned long)WORK_STRUCT_NO_POOL)
#define WORK_DATA_STATIC_INIT() WORK_DATA_INIT()

#define __WORK_INITIALIZER(n, f) { \
	.data = WORK_DATA_STATIC_INIT(), \
	.entry = { &(n).entry, &(n).entry }, \
	.func = (f), \
}

#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { \
	.work = __WORK_INITIALIZER((n).work, (f)), \
	.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE), \
}

#define DECLARE_WORK(n, f) \
	struct work_struct n = __WORK_INITIALIZER(n, f)

#define DECLARE_DELAYED_WORK(n, f) \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

#define DECLARE_DEFERRABLE_WORK(n, f) \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

extern void delayed_work_timer_fn(struct timer_list *t);

#define __INIT_WORK(_work, _func, _onstack) \
	do { \
		(_work)->data = (atomic_long_t) WORK_DATA_INIT(); \
		INIT_LIST_HEAD(&(_work)->entry); \
		(_work)->func = (_func); \
	} while (0)

#define INIT_WORK(_work, _func) \
	__INIT_WORK((_work), (_func), 0)

#define INIT_WORK_ONSTACK(_work, _func) \
	__INIT_WORK((_work), (_func), 1)

#define __INIT_DELAYED_WORK(_work, _func, _tflags) \
	do { \
		INIT_WORK(&(_work)->work, (_func)); \
		__init_timer(&(_work)->timer, delayed_work_timer_fn, \
			     (_tflags) | TIMER_IRQSAFE); \
	} while (0)

#define INIT_DELAYED_WORK(_work, _func) \
	__INIT_DELAYED_WORK(_work, _func, 0)

#define INIT_DEFERRABLE_WORK(_work, _func) \
	__INIT_DELAYED_WORK(_work, _func, TIMER_DEFERRABLE)

#define work_data_bits(work) ((unsigned long *)(&(work)->data))
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))
#define delayed_work_pending(w) work_pending(&(w)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

enum {
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,

	__WQ_DRAINING = 1 << 16,
	__WQ_ORDERED = 1 << 17,
	__WQ_LEGACY = 1 << 18,
	__WQ_ORDERED_EXPLICIT = 1 << 19,
};

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;

extern __printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);

#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | __WQ_ORDERED_EXPLICIT | (flags), \
			1, ##args)

#define create_workqueue(name) \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, \
			1, (name))
#define create_singlethread_workqueue(name) \
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)

/* Drains the queue first, so it waits for the work still on it. */
extern void destroy_workqueue(struct workqueue_struct *wq);

extern bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
extern bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
				  struct delayed_work *work, unsigned long delay);
extern bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
				struct delayed_work *dwork, unsigned long delay);
extern bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork);

/* These wait for running work, so they sleep. */
extern void __flush_workqueue(struct workqueue_struct *wq);
extern void drain_workqueue(struct workqueue_struct *wq);
extern bool flush_work(struct work_struct *work);
extern bool cancel_work_sync(struct work_struct *work);
extern bool flush_delayed_work(struct delayed_work *dwork);
extern bool cancel_delayed_work_sync(struct delayed_work *dwork);
extern bool flush_rcu_work(struct rcu_work *rwork);

/* These do not wait. */
extern bool cancel_work(struct work_struct *work);
extern bool cancel_delayed_work(struct delayed_work *dwork);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq,
				      struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq,
				    struct delayed_work *dwork, unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* In 6.1 both are macros over __flush_workqueue(), which warn on system queues. */
#define flush_scheduled_work() \
({ \
	__flush_workqueue(system_wq); \
})

#define flush_workqueue(wq) \
({ \
	struct workqueue_struct *_wq = (wq); \
	__flush_workqueue(_wq); \
})

#endif /* _MOCK6_LINUX_WORKQUEUE_H */
