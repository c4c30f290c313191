/* modlife test mock of the Linux 2.4 <linux/wait.h>: wait queues and wait_event. */
#ifndef _MOCK24_LINUX_WAIT_H
#define _MOCK24_LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <asm/current.h>

struct __wait_queue {
	unsigned int flags;
	struct task_struct *task;
	struct list_head task_list;
};
typedef struct __wait_queue wait_queue_t;

struct __wait_queue_head {
	spinlock_t lock;
	struct list_head task_list;
};
typedef struct __wait_queue_head wait_queue_head_t;

#define __WAITQUEUE_INITIALIZER(name, tsk) { 0, tsk, { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) \
	wait_queue_t name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ { 1 }, { &(name).task_list, &(name).task_list } }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(wait_queue_head_t *q)
{
	q->lock.lock = 1;
	INIT_LIST_HEAD(&q->task_list);
}

static inline void init_waitqueue_entry(wait_queue_t *q, struct task_struct *p)
{
	q->flags = 0;
	q->task = p;
}

static inline int waitqueue_active(wait_queue_head_t *q)
{
	return !list_empty(&q->task_list);
}

extern void add_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);
extern void remove_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);

/*
 * Sleep until a condition holds. Both forms call schedule(); they expand
 * where they are used, after <linux/sched.h> (included below) is complete.
 */
#define __wait_event(wq, condition) \
do { \
	wait_queue_t __we_entry; \
	init_waitqueue_entry(&__we_entry, current); \
	add_wait_queue(&(wq), &__we_entry); \
	for (;;) { \
		set_current_state(TASK_UNINTERRUPTIBLE); \
		if (condition) \
			break; \
		schedule(); \
	} \
	set_current_state(TASK_RUNNING); \
	remove_wait_queue(&(wq), &__we_entry); \
} while (0)

#define wait_event(wq, condition) \
do { \
	if (!(condition)) \
		__wait_event(wq, condition); \
} while (0)

#define __wait_event_interruptible(wq, condition, ret) \
do { \
	wait_queue_t __we_entry; \
	init_waitqueue_entry(&__we_entry, current); \
	add_wait_queue(&(wq), &__we_entry); \
	for (;;) { \
		set_current_state(TASK_INTERRUPTIBLE); \
		if (condition) \
			break; \
		if (signal_pending(current)) { \
			ret = -ERESTARTSYS; \
			break; \
		} \
		schedule(); \
	} \
	set_current_state(TASK_RUNNING); \
	remove_wait_queue(&(wq), &__we_entry); \
} while (0)

#define wait_event_interruptible(wq, condition) \
({ \
	int __we_ret = 0; \
	if (!(condition)) \
		__wait_event_interruptible(wq, condition, __we_ret); \
	__we_ret; \
})

#endif /* _MOCK24_LINUX_WAIT_H */

/* The wait_event macros need schedule(), current and the task states. */
#include <linux/sched.h>
