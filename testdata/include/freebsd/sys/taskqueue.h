/*
 * modlife test mock of the FreeBSD <sys/taskqueue.h>: taskqueue(9).
 * taskqueue_drain() waits for a task to be neither queued nor running.
 * taskqueue_free() runs what is still queued and stops the queue's
 * threads, but a timeout task's callout must be drained first.
 */
#ifndef _MOCKFBSD_SYS_TASKQUEUE_H
#define _MOCKFBSD_SYS_TASKQUEUE_H

#ifndef _KERNEL
#error "no user-serviceable parts inside"
#endif

#include <sys/cdefs.h>
#include <sys/queue.h>
#include <sys/_task.h>
#include <sys/_callout.h>
#include <sys/_cpuset.h>

struct taskqueue;
struct taskqgroup;
struct proc;
struct thread;

struct timeout_task {
	struct taskqueue *q;
	struct task t;
	struct callout c;
	int f;
};

enum taskqueue_callback_type {
	TASKQUEUE_CALLBACK_TYPE_INIT,
	TASKQUEUE_CALLBACK_TYPE_SHUTDOWN,
};
#define TASKQUEUE_CALLBACK_TYPE_MIN TASKQUEUE_CALLBACK_TYPE_INIT
#define TASKQUEUE_CALLBACK_TYPE_MAX TASKQUEUE_CALLBACK_TYPE_SHUTDOWN
#define TASKQUEUE_NUM_CALLBACKS (TASKQUEUE_CALLBACK_TYPE_MAX + 1)
#define TASKQUEUE_NAMELEN 32

#define TASKQUEUE_FAIL_IF_PENDING (1 << 0)
#define TASKQUEUE_FAIL_IF_CANCELING (1 << 1)

typedef void (*taskqueue_callback_fn)(void *context);

/* Called to wake the queue's consumer, e.g. taskqueue_thread_enqueue. */
typedef void (*taskqueue_enqueue_fn)(void *context);

struct taskqueue *taskqueue_create(const char *name, int mflags,
    taskqueue_enqueue_fn enqueue, void *context);
int taskqueue_start_threads(struct taskqueue **tqp, int count, int pri,
    const char *name, ...) __printflike(4, 5);
int taskqueue_start_threads_in_proc(struct taskqueue **tqp, int count,
    int pri, struct proc *p, const char *name, ...) __printflike(5, 6);
int taskqueue_enqueue(struct taskqueue *queue, struct task *task);
int taskqueue_enqueue_flags(struct taskqueue *queue, struct task *task,
    int flags);
int taskqueue_enqueue_timeout(struct taskqueue *queue,
    struct timeout_task *timeout_task, int ticks);
int taskqueue_enqueue_timeout_sbt(struct taskqueue *queue,
    struct timeout_task *timeout_task, sbintime_t sbt, sbintime_t pr,
    int flags);
int taskqueue_poll_is_busy(struct taskqueue *queue, struct task *task);
int taskqueue_cancel(struct taskqueue *queue, struct task *task,
    u_int *pendp);
int taskqueue_cancel_timeout(struct taskqueue *queue,
    struct timeout_task *timeout_task, u_int *pendp);
void taskqueue_drain(struct taskqueue *queue, struct task *task);
void taskqueue_drain_timeout(struct taskqueue *queue,
    struct timeout_task *timeout_task);
void taskqueue_drain_all(struct taskqueue *queue);
void taskqueue_quiesce(struct taskqueue *queue);
void taskqueue_free(struct taskqueue *queue);
void taskqueue_run(struct taskqueue *queue);
void taskqueue_block(struct taskqueue *queue);
void taskqueue_unblock(struct taskqueue *queue);
int taskqueue_member(struct taskqueue *queue, struct thread *td);
void taskqueue_set_callback(struct taskqueue *queue,
    enum taskqueue_callback_type cb_type,
    taskqueue_callback_fn callback, void *context);

#define TASK_ENQUEUED 0x1
#define TASK_NOENQUEUE 0x2
#define TASK_NETWORK 0x4

#define TASK_IS_NET(ta) ((ta)->ta_flags & TASK_NETWORK)

/* Initialise a task before its first enqueue. */
#define TASK_INIT_FLAGS(task, priority, func, context, flags) do { \
	(task)->ta_pending = 0; \
	(task)->ta_priority = (priority); \
	(task)->ta_flags = (flags); \
	(task)->ta_func = (func); \
	(task)->ta_context = (context); \
} while (0)

#define TASK_INIT(t, p, f, c) TASK_INIT_FLAGS(t, p, f, c, 0)
#define NET_TASK_INIT(t, p, f, c) TASK_INIT_FLAGS(t, p, f, c, TASK_NETWORK)

void _timeout_task_init(struct taskqueue *queue,
    struct timeout_task *timeout_task, int priority, task_fn_t func,
    void *context);
#define TIMEOUT_TASK_INIT(queue, timeout_task, priority, func, context) do { \
	_Static_assert((priority) >= 0 && (priority) <= 255, \
	    "struct task priority is 8 bit in size"); \
	_timeout_task_init(queue, timeout_task, priority, func, context); \
} while (0)

/* Declare a queue the kernel provides. */
#define TASKQUEUE_DECLARE(name) \
	extern struct taskqueue *taskqueue_##name

/* System queues: all shared, so nothing drains them for a module. */
TASKQUEUE_DECLARE(thread);
TASKQUEUE_DECLARE(swi);
TASKQUEUE_DECLARE(swi_giant);
TASKQUEUE_DECLARE(fast);

/* The enqueue hooks of the thread-backed and fast queues. */
void taskqueue_thread_enqueue(void *context);
void taskqueue_swi_enqueue(void *context);
struct taskqueue *taskqueue_create_fast(const char *name, int mflags,
    taskqueue_enqueue_fn enqueue, void *context);
int taskqueue_enqueue_fast(struct taskqueue *queue, struct task *task);

#endif /* _MOCKFBSD_SYS_TASKQUEUE_H */
