/*
 * modlife test mock of the FreeBSD <sys/kernel.h>: SYSINIT and SYSUNINIT.
 * A sysinit is a static struct sysinit whose address goes into the
 * "sysinit_set" linker set. Boot, and the kernel linker when it loads a
 * file, sort the set by (subsystem, order) and call each func(udata); the
 * linker runs a file's "sysuninit_set" in reverse when it unloads the file.
 */
#ifndef _MOCKFBSD_SYS_KERNEL_H
#define _MOCKFBSD_SYS_KERNEL_H

#include <sys/linker_set.h>
#include <sys/queue.h>
#include <sys/types.h>

#ifdef _KERNEL
extern unsigned long hostid;
extern char hostuuid[64];
extern char hostname[256];
extern int tick;	/* usec per tick (1000000 / hz) */
extern int hz;		/* ticks per second */
extern int psratio;
extern int stathz;
extern int profhz;
extern int profprocs;
extern volatile int ticks;
#endif

/* Startup subsystems, run in ascending order. */
enum sysinit_sub_id {
	SI_SUB_DUMMY = 0x0000000,		/* not executed; for linker */
	SI_SUB_DONE = 0x0000001,		/* processed */
	SI_SUB_TUNABLES = 0x0700000,		/* establish tunable values */
	SI_SUB_COPYRIGHT = 0x0800001,		/* first use of console */
	SI_SUB_VM = 0x1000000,			/* virtual memory system init */
	SI_SUB_COUNTER = 0x1100000,		/* counter(9) is initialized */
	SI_SUB_KMEM = 0x1800000,		/* kernel memory */
	SI_SUB_HYPERVISOR = 0x1A40000,
	SI_SUB_WITNESS = 0x1A80000,		/* witness initialization */
	SI_SUB_MTX_POOL_DYNAMIC = 0x1AC0000,	/* dynamic mutex pool */
	SI_SUB_LOCK = 0x1B00000,		/* various locks */
	SI_SUB_EVENTHANDLER = 0x1C00000,	/* eventhandler init */
	SI_SUB_VNET_PRELINK = 0x1E00000,	/* vnet init before modules */
	SI_SUB_KLD = 0x2000000,			/* KLD and module setup */
	SI_SUB_CPU = 0x2100000,			/* CPU resource(s) */
	SI_SUB_RACCT = 0x2110000,
	SI_SUB_KDTRACE = 0x2140000,
	SI_SUB_RANDOM = 0x2160000,
	SI_SUB_MAC = 0x2180000,			/* TrustedBSD MAC subsystem */
	SI_SUB_MAC_POLICY = 0x21C0000,
	SI_SUB_MAC_LATE = 0x21D0000,
	SI_SUB_VNET = 0x21E0000,		/* vnet 0 */
	SI_SUB_INTRINSIC = 0x2200000,		/* proc 0 */
	SI_SUB_VM_CONF = 0x2300000,		/* config VM, set limits */
	SI_SUB_DDB_SERVICES = 0x2380000,
	SI_SUB_RUN_QUEUE = 0x2400000,		/* set up run queue */
	SI_SUB_KTRACE = 0x2480000,
	SI_SUB_OPENSOLARIS = 0x2490000,
	SI_SUB_AUDIT = 0x24C0000,
	SI_SUB_CREATE_INIT = 0x2500000,		/* create init process */
	SI_SUB_SCHED_IDLE = 0x2600000,		/* required idle procs */
	SI_SUB_MBUF = 0x2700000,		/* mbuf subsystem */
	SI_SUB_INTR = 0x2800000,		/* interrupt threads */
	SI_SUB_TASKQ = 0x2880000,		/* task queues */
	SI_SUB_EPOCH = 0x2888000,
	SI_SUB_SMP = 0x2900000,			/* start the APs */
	SI_SUB_SOFTINTR = 0x2A00000,		/* start soft interrupt thread */
	SI_SUB_DEVFS = 0x2F00000,		/* devfs ready for devices */
	SI_SUB_INIT_IF = 0x3000000,		/* prep for net interfaces */
	SI_SUB_NETGRAPH = 0x3010000,
	SI_SUB_DTRACE = 0x3020000,
	SI_SUB_DTRACE_PROVIDER = 0x3048000,
	SI_SUB_DTRACE_ANON = 0x308C000,
	SI_SUB_DRIVERS = 0x3100000,		/* let drivers initialize */
	SI_SUB_CONFIGURE = 0x3800000,		/* configure devices */
	SI_SUB_VFS = 0x4000000,			/* virtual filesystem */
	SI_SUB_CLOCKS = 0x4800000,		/* real time and stat clocks */
	SI_SUB_SYSV_SHM = 0x6400000,
	SI_SUB_SYSV_SEM = 0x6800000,
	SI_SUB_SYSV_MSG = 0x6C00000,
	SI_SUB_P1003_1B = 0x6E00000,
	SI_SUB_PSEUDO = 0x7000000,		/* pseudo devices */
	SI_SUB_EXEC = 0x7400000,		/* execve() handlers */
	SI_SUB_PROTO_BEGIN = 0x8000000,
	SI_SUB_PROTO_PFIL = 0x8100000,
	SI_SUB_PROTO_IF = 0x8400000,		/* interfaces */
	SI_SUB_PROTO_DOMAININIT = 0x8600000,
	SI_SUB_PROTO_MC = 0x8700000,
	SI_SUB_PROTO_DOMAIN = 0x8800000,	/* domains (address families) */
	SI_SUB_PROTO_FIREWALL = 0x8806000,
	SI_SUB_PROTO_IFATTACHDOMAIN = 0x8808000,
	SI_SUB_PROTO_END = 0x8ffffff,
	SI_SUB_KPROF = 0x9000000,		/* kernel profiling */
	SI_SUB_KICK_SCHEDULER = 0xa000000,	/* start the timeout events */
	SI_SUB_INT_CONFIG_HOOKS = 0xa800000,	/* interrupts enabled config */
	SI_SUB_ROOT_CONF = 0xb000000,		/* find root devices */
	SI_SUB_INTRINSIC_POST = 0xd000000,	/* proc 0 cleanup */
	SI_SUB_SYSCALLS = 0xd800000,		/* register system calls */
	SI_SUB_VNET_DONE = 0xdc00000,
	SI_SUB_KTHREAD_INIT = 0xe000000,	/* init process */
	SI_SUB_KTHREAD_PAGE = 0xe400000,	/* pageout daemon */
	SI_SUB_KTHREAD_VM = 0xe800000,		/* vm daemon */
	SI_SUB_KTHREAD_BUF = 0xea00000,		/* buffer daemon */
	SI_SUB_KTHREAD_UPDATE = 0xec00000,	/* update daemon */
	SI_SUB_KTHREAD_IDLE = 0xee00000,	/* idle procs */
	SI_SUB_LAST = 0xfffffff			/* final initialization */
};

/* Order within a subsystem; "ANY" sorts last. */
enum sysinit_elem_order {
	SI_ORDER_FIRST = 0x0000000,
	SI_ORDER_SECOND = 0x0000001,
	SI_ORDER_THIRD = 0x0000002,
	SI_ORDER_FOURTH = 0x0000003,
	SI_ORDER_FIFTH = 0x0000004,
	SI_ORDER_SIXTH = 0x0000005,
	SI_ORDER_SEVENTH = 0x0000006,
	SI_ORDER_EIGHTH = 0x0000007,
	SI_ORDER_MIDDLE = 0x1000000,
	SI_ORDER_ANY = 0xfffffff
};

typedef void (*sysinit_nfunc_t)(void *);
typedef void (*sysinit_cfunc_t)(const void *);

struct sysinit {
	enum sysinit_sub_id subsystem;	/* subsystem identifier */
	enum sysinit_elem_order order;	/* init order within subsystem */
	STAILQ_ENTRY(sysinit) next;	/* singly-linked list */
	sysinit_cfunc_t func;		/* function */
	const void *udata;		/* multiplexer/argument */
};

/*
 * C_SYSINIT takes a function of const data; SYSINIT casts a function of
 * plain void * to the same slot.
 */
#define C_SYSINIT(uniquifier, subsystem, order, func, ident) \
	static struct sysinit uniquifier ## _sys_init = { \
		subsystem, \
		order, \
		{ NULL }, \
		func, \
		(ident) \
	}; \
	DATA_WSET(sysinit_set, uniquifier ## _sys_init)

#define SYSINIT(uniquifier, subsystem, order, func, ident) \
	C_SYSINIT(uniquifier, subsystem, order, \
	(sysinit_cfunc_t)(sysinit_nfunc_t)func, (void *)(ident))

/* Run when the file holding it is unloaded (never, for the static kernel). */
#define C_SYSUNINIT(uniquifier, subsystem, order, func, ident) \
	static struct sysinit uniquifier ## _sys_uninit = { \
		subsystem, \
		order, \
		{ NULL }, \
		func, \
		(ident) \
	}; \
	DATA_WSET(sysuninit_set, uniquifier ## _sys_uninit)

#define SYSUNINIT(uniquifier, subsystem, order, func, ident) \
	C_SYSUNINIT(uniquifier, subsystem, order, \
	(sysinit_cfunc_t)(sysinit_nfunc_t)func, (void *)(ident))

void sysinit_add(struct sysinit **set, struct sysinit **set_end);

/* Tunables: a kernel function, not module code, reads them at SI_SUB_TUNABLES. */
extern void tunable_int_init(void *);
struct tunable_int {
	const char *path;
	int *var;
};
#define TUNABLE_INT(path, var) \
	static struct tunable_int __CONCAT(__tunable_int_, __LINE__) = { \
		(path), \
		(var), \
	}; \
	SYSINIT(__CONCAT(__Tunable_init_, __LINE__), \
	    SI_SUB_TUNABLES, SI_ORDER_MIDDLE, tunable_int_init, \
	    &__CONCAT(__tunable_int_, __LINE__))

#define TUNABLE_INT_FETCH(path, var) getenv_int((path), (var))
int getenv_int(const char *name, int *data);

/* Hooks run once interrupts are enabled (at boot), or at once (later). */
typedef void (*ich_func_t)(void *_arg);

struct intr_config_hook {
	STAILQ_ENTRY(intr_config_hook) ich_links;
	uintptr_t ich_state;
	ich_func_t ich_func;
	void *ich_arg;
};

int config_intrhook_establish(struct intr_config_hook *hook);
void config_intrhook_disestablish(struct intr_config_hook *hook);
int config_intrhook_drain(struct intr_config_hook *hook);
void config_intrhook_oneshot(ich_func_t _func, void *_arg);

#endif /* _MOCKFBSD_SYS_KERNEL_H */
