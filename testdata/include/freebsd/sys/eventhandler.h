/*
 * modlife test mock of the FreeBSD <sys/eventhandler.h>: event handlers.
 * eventhandler_register() keeps a pointer to func in a kernel-wide list
 * until eventhandler_deregister(); a module that unloads with an entry
 * still registered leaves a pointer into freed text behind.
 * EVENTHANDLER_DEFINE registers from a SYSINIT and never deregisters, so
 * it is meant for code that is never unloaded.
 */
#ifndef _MOCKFBSD_SYS_EVENTHANDLER_H
#define _MOCKFBSD_SYS_EVENTHANDLER_H

#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/queue.h>

struct eventhandler_entry {
	TAILQ_ENTRY(eventhandler_entry) ee_link;
	int ee_priority;
#define EHE_DEAD_PRIORITY (-1)
	void *ee_arg;
};

struct eventhandler_list {
	char *el_name;
	int el_flags;
#define EHL_INITTED (1 << 0)
#define EHL_NONEMPTY (1 << 1)
	u_int el_runcount;
	struct mtx el_lock;
	TAILQ_ENTRY(eventhandler_list) el_link;
	TAILQ_HEAD(, eventhandler_entry) el_entries;
};

typedef struct eventhandler_entry *eventhandler_tag;

#define EHL_LOCK(p) mtx_lock(&(p)->el_lock)
#define EHL_UNLOCK(p) mtx_unlock(&(p)->el_lock)

/* Calls every live entry of list with the lock dropped around each call. */
#define _EVENTHANDLER_INVOKE(name, list, ...) do { \
	struct eventhandler_entry *_ep; \
	struct eventhandler_entry_ ## name *_t; \
\
	(list)->el_runcount++; \
	TAILQ_FOREACH(_ep, &((list)->el_entries), ee_link) { \
		if (_ep->ee_priority != EHE_DEAD_PRIORITY) { \
			EHL_UNLOCK((list)); \
			_t = (struct eventhandler_entry_ ## name *)_ep; \
			_t->eh_func(_ep->ee_arg , ## __VA_ARGS__); \
			EHL_LOCK((list)); \
		} \
	} \
	(list)->el_runcount--; \
	if ((list)->el_runcount == 0) \
		eventhandler_prune_list(list); \
	EHL_UNLOCK((list)); \
} while (0)

/* Declares the entry type of a named event, so invokers know eh_func's type. */
#define EVENTHANDLER_DECLARE(name, type) \
struct eventhandler_entry_ ## name \
{ \
	struct eventhandler_entry ee; \
	type eh_func; \
}; \
struct __hack

#define EVENTHANDLER_DEFINE(name, func, arg, priority) \
	static eventhandler_tag name ## _tag; \
	static void name ## _evh_init(void *ctx) \
	{ \
		name ## _tag = EVENTHANDLER_REGISTER(name, func, ctx, \
		    priority); \
	} \
	SYSINIT(name ## _evh_init, SI_SUB_CONFIGURE, SI_ORDER_ANY, \
	    name ## _evh_init, arg); \
	struct __hack

#define EVENTHANDLER_INVOKE(name, ...) \
do { \
	struct eventhandler_list *_el; \
\
	if ((_el = eventhandler_find_list(#name)) != NULL) \
		_EVENTHANDLER_INVOKE(name, _el , ## __VA_ARGS__); \
} while (0)

#define EVENTHANDLER_REGISTER(name, func, arg, priority) \
	eventhandler_register(NULL, #name, func, arg, priority)

#define EVENTHANDLER_DEREGISTER(name, tag) \
do { \
	struct eventhandler_list *_el; \
\
	if ((_el = eventhandler_find_list(#name)) != NULL) \
		eventhandler_deregister(_el, tag); \
} while (0)

#define EVENTHANDLER_DEREGISTER_NOWAIT(name, tag) \
do { \
	struct eventhandler_list *_el; \
\
	if ((_el = eventhandler_find_list(#name)) != NULL) \
		eventhandler_deregister_nowait(_el, tag); \
} while (0)

eventhandler_tag eventhandler_register(struct eventhandler_list *list,
    const char *name, void *func, void *arg, int priority);
/* Waits until no invocation is running the entry, so it may sleep. */
void eventhandler_deregister(struct eventhandler_list *list,
    eventhandler_tag tag);
void eventhandler_deregister_nowait(struct eventhandler_list *list,
    eventhandler_tag tag);
struct eventhandler_list *eventhandler_find_list(const char *name);
void eventhandler_prune_list(struct eventhandler_list *list);

/* Generic priority levels. */
#define EVENTHANDLER_PRI_FIRST 0
#define EVENTHANDLER_PRI_ANY 10000
#define EVENTHANDLER_PRI_LAST 20000

/* Shutdown events. */
typedef void (*shutdown_fn)(void *, int);

#define SHUTDOWN_PRI_FIRST EVENTHANDLER_PRI_FIRST
#define SHUTDOWN_PRI_DEFAULT EVENTHANDLER_PRI_ANY
#define SHUTDOWN_PRI_LAST EVENTHANDLER_PRI_LAST

EVENTHANDLER_DECLARE(shutdown_pre_sync, shutdown_fn);	/* before fs sync */
EVENTHANDLER_DECLARE(shutdown_post_sync, shutdown_fn);	/* after fs sync */
EVENTHANDLER_DECLARE(shutdown_final, shutdown_fn);

/* Power state change events. */
typedef void (*power_change_fn)(void *);
EVENTHANDLER_DECLARE(power_resume, power_change_fn);
EVENTHANDLER_DECLARE(power_suspend, power_change_fn);
EVENTHANDLER_DECLARE(power_suspend_early, power_change_fn);

/* Low memory event. */
typedef void (*vm_lowmem_handler_t)(void *, int);
#define LOWMEM_PRI_DEFAULT EVENTHANDLER_PRI_FIRST
EVENTHANDLER_DECLARE(vm_lowmem, vm_lowmem_handler_t);

/* Root mounted event. */
typedef void (*mountroot_handler_t)(void *);
EVENTHANDLER_DECLARE(mountroot, mountroot_handler_t);

/* Process events. */
struct proc;
struct image_params;

typedef void (*exitlist_fn)(void *, struct proc *);
typedef void (*forklist_fn)(void *, struct proc *, struct proc *, int);
typedef void (*execlist_fn)(void *, struct proc *, struct image_params *);
EVENTHANDLER_DECLARE(process_exit, exitlist_fn);
EVENTHANDLER_DECLARE(process_fork, forklist_fn);
EVENTHANDLER_DECLARE(process_exec, execlist_fn);

/* Network interface arrival and departure. */
struct ifnet;
typedef void (*ifnet_arrival_event_handler_t)(void *, struct ifnet *);
typedef void (*ifnet_departure_event_handler_t)(void *, struct ifnet *);
EVENTHANDLER_DECLARE(ifnet_arrival_event, ifnet_arrival_event_handler_t);
EVENTHANDLER_DECLARE(ifnet_departure_event, ifnet_departure_event_handler_t);

/* Kernel linker events: a file was loaded or is about to be unloaded. */
struct linker_file;
typedef void (*kld_load_fn)(void *, struct linker_file *);
typedef void (*kld_unload_fn)(void *, const char *, caddr_t, size_t);
typedef void (*kld_unload_try_fn)(void *, struct linker_file *, int *);
EVENTHANDLER_DECLARE(kld_load, kld_load_fn);
EVENTHANDLER_DECLARE(kld_unload, kld_unload_fn);
EVENTHANDLER_DECLARE(kld_unload_try, kld_unload_try_fn);

#endif /* _MOCKFBSD_SYS_EVENTHANDLER_H */
