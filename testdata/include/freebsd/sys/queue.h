/* modlife test mock of the FreeBSD <sys/queue.h>: the list heads and entries other mocks embed. */
#ifndef _MOCKFBSD_SYS_QUEUE_H
#define _MOCKFBSD_SYS_QUEUE_H

/* Singly linked list. */
#define SLIST_HEAD(name, type) \
	struct name { struct type *slh_first; }
#define SLIST_ENTRY(type) \
	struct { struct type *sle_next; }

/* Singly linked tail queue. */
#define STAILQ_HEAD(name, type) \
	struct name { struct type *stqh_first; struct type **stqh_last; }
#define STAILQ_ENTRY(type) \
	struct { struct type *stqe_next; }

/* Doubly linked list. */
#define LIST_HEAD(name, type) \
	struct name { struct type *lh_first; }
#define LIST_ENTRY(type) \
	struct { struct type *le_next; struct type **le_prev; }

/* Doubly linked tail queue. */
#define TAILQ_HEAD(name, type) \
	struct name { struct type *tqh_first; struct type **tqh_last; }
#define TAILQ_ENTRY(type) \
	struct { struct type *tqe_next; struct type **tqe_prev; }

#define SLIST_FIRST(head) ((head)->slh_first)
#define STAILQ_FIRST(head) ((head)->stqh_first)
#define LIST_FIRST(head) ((head)->lh_first)
#define TAILQ_FIRST(head) ((head)->tqh_first)
#define TAILQ_EMPTY(head) ((head)->tqh_first == NULL)
#define TAILQ_NEXT(elm, field) ((elm)->field.tqe_next)
#define TAILQ_FOREACH(var, head, field) \
	for ((var) = TAILQ_FIRST((head)); \
	    (var); \
	    (var) = TAILQ_NEXT((var), field))
#define LIST_NEXT(elm, field) ((elm)->field.le_next)
#define LIST_FOREACH(var, head, field) \
	for ((var) = LIST_FIRST((head)); \
	    (var); \
	    (var) = LIST_NEXT((var), field))

#endif /* _MOCKFBSD_SYS_QUEUE_H */
