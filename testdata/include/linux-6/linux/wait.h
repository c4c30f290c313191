/* modlife test mock of the Linux 6.1 <linux/wait.h>: wait queues and the wait_event family. */
#ifndef _MOCK6_LINUX_WAIT_H
#define _MOCK6_LINUX_WAIT_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/spinlock.h>
#include <linux/lockdep_types.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/current.h>

typedef struct wait_queue_entry wait_queue_entry_t;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { \
	.lock = __SPIN_LOCK_UNLOCKED(name.lock), \
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

extern void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
				  struct lock_class_key *key);

#define init_waitqueue_head(wq_head) \
	do { \
		static struct lock_class_key __key; \
		__init_waitqueue_head((wq_head), #wq_head, &__key); \
	} while (0)

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

extern void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
extern void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Waking never sleeps. */
extern void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

extern void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
extern long prepare_to_wait_event(struct wait_queue_head *wq_head,
				  struct wait_queue_entry *wq_entry, int state);
extern void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

#define ___wait_is_interruptible(state) \
	(!__builtin_constant_p(state) || \
	 ((state) & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))

/*
 * The loop every wait_event variant expands to: queue the entry, test the
 * condition, and run cmd (a schedule() call) until it holds or a signal
 * interrupts an interruptible wait. The value is __ret, which cmd may update.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) \
({ \
	struct wait_queue_entry __wq_entry; \
	long __ret = ret; \
	init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0); \
	while (1) { \
		long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
		if (condition) \
			break; \
		if (___wait_is_interruptible(state) && __int) { \
			__ret = __int; \
			break; \
		} \
		cmd; \
	} \
	finish_wait(&(wq_head), &__wq_entry); \
	__ret; \
})

/* For the timeout variants: true once the condition holds or time is up. */
#define ___wait_cond_timeout(condition) \
({ \
	bool __cond = (condition); \
	if (__cond && !__ret) \
		__ret = 1; \
	__cond || !__ret; \
})

#define __wait_event(wq_head, condition) \
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule())

#define wait_event(wq_head, condition) \
do { \
	might_sleep(); \
	if (condition) \
		break; \
	__wait_event(wq_head, condition); \
} while (0)

#define __wait_event_timeout(wq_head, condition, timeout) \
	___wait_event(wq_head, ___wait_cond_timeout(condition), \
		      TASK_UNINTERRUPTIBLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))

#define wait_event_timeout(wq_head, condition, timeout) \
({ \
	long __ret = timeout; \
	might_sleep(); \
	if (!___wait_cond_timeout(condition)) \
		__ret = __wait_event_timeout(wq_head, condition, timeout); \
	__ret; \
})

#define __wait_event_interruptible(wq_head, condition) \
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())

#define wait_event_interruptible(wq_head, condition) \
({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) \
		__ret = __wait_event_interruptible(wq_head, condition); \
	__ret; \
})

#define __wait_event_interruptible_timeout(wq_head, condition, timeout) \
	___wait_event(wq_head, ___wait_cond_timeout(condition), \
		      TASK_INTERRUPTIBLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))

#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
({ \
	long __ret = timeout; \
	might_sleep(); \
	if (!___wait_cond_timeout(condition)) \
		__ret = __wait_event_interruptible_timeout(wq_head, condition, timeout); \
	__ret; \
})

#define __wait_event_killable(wq_head, condition) \
	___wait_event(wq_head, condition, TASK_KILLABLE, 0, 0, schedule())

#define wait_event_killable(wq_head, condition) \
({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) \
		__ret = __wait_event_killable(wq_head, condition); \
	__ret; \
})

#define __wait_event_freezable(wq_head, condition) \
	___wait_event(wq_head, condition, (TASK_INTERRUPTIBLE | TASK_FREEZABLE), \
		      0, 0, schedule())

#define wait_event_freezable(wq_head, condition) \
({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) \
		__ret = __wait_event_freezable(wq_head, condition); \
	__ret; \
})

#endif /* _MOCK6_LINUX_WAIT_H */
