/* modlife test mock of the FreeBSD <sys/_task.h>: struct task. */
#ifndef _MOCKFBSD_SYS__TASK_H
#define _MOCKFBSD_SYS__TASK_H

#include <sys/queue.h>
#include <sys/types.h>

/* Runs in a taskqueue thread (or swi) with the number of coalesced enqueues. */
typedef void task_fn_t(void *context, int pending);

struct task {
	STAILQ_ENTRY(task) ta_link;	/* link for queue */
	uint16_t ta_pending;		/* count times queued */
	uint8_t ta_priority;		/* priority in queue */
	uint8_t ta_flags;		/* flags of the task */
	task_fn_t *ta_func;		/* task handler */
	void *ta_context;		/* argument for handler */
};

#endif /* _MOCKFBSD_SYS__TASK_H */
