/* modlife test mock of the FreeBSD <sys/_callout.h>: struct callout. */
#ifndef _MOCKFBSD_SYS__CALLOUT_H
#define _MOCKFBSD_SYS__CALLOUT_H

#include <sys/queue.h>
#include <sys/types.h>

struct lock_object;

typedef void callout_func_t(void *);

struct callout {
	union {
		LIST_ENTRY(callout) le;
		SLIST_ENTRY(callout) sle;
		TAILQ_ENTRY(callout) tqe;
	} c_links;
	sbintime_t c_time;		/* ticks to the event */
	sbintime_t c_precision;		/* delta allowed wrt opt */
	void *c_arg;			/* function argument */
	callout_func_t *c_func;		/* function to call */
	struct lock_object *c_lock;	/* lock to handle */
	short c_flags;			/* user State */
	short c_iflags;			/* internal State */
	volatile int c_cpu;		/* CPU we're scheduled on */
};

#endif /* _MOCKFBSD_SYS__CALLOUT_H */
