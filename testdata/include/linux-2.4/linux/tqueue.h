/* modlife test mock of the Linux 2.4 <linux/tqueue.h>: task queues and keventd. */
#ifndef _MOCK24_LINUX_TQUEUE_H
#define _MOCK24_LINUX_TQUEUE_H

#include <linux/list.h>
#include <linux/stddef.h>

struct tq_struct {
	struct list_head list;
	unsigned long sync;
	void (*routine)(void *);
	void *data;
};

#define PREPARE_TQUEUE(_tq, _routine, _data) \
	do { (_tq)->routine = (_routine); (_tq)->data = (_data); } while (0)
#define INIT_TQUEUE(_tq, _routine, _data) \
	do { INIT_LIST_HEAD(&(_tq)->list); (_tq)->sync = 0; \
	     PREPARE_TQUEUE((_tq), (_routine), (_data)); } while (0)

typedef struct list_head task_queue;
#define DECLARE_TASK_QUEUE(q) LIST_HEAD(q)

extern task_queue tq_timer, tq_immediate, tq_disk;

extern int queue_task(struct tq_struct *bh_pointer, task_queue *bh_list);
extern void __run_task_queue(task_queue *list);

static inline void run_task_queue(task_queue *list)
{
	if (!list_empty(list))
		__run_task_queue(list);
}

/* keventd. */
extern int schedule_task(struct tq_struct *task);
extern void flush_scheduled_tasks(void);
extern int start_context_thread(void);
extern int current_is_keventd(void);

#endif /* _MOCK24_LINUX_TQUEUE_H */
