/*
 * modlife test mock of the FreeBSD <net/vnet.h>: virtualized network stacks.
 * With options VIMAGE, VNET_SYSINIT registers func to run once per vnet:
 * now for every existing vnet, and later for each new one. Its SYSUNINIT
 * half runs the matching VNET_SYSUNINIT for every vnet on unload. Without
 * VIMAGE both are plain SYSINIT/SYSUNINIT. Define VIMAGE to get the
 * virtualized shapes (GENERIC kernels have it).
 */
#ifndef _MOCKFBSD_NET_VNET_H
#define _MOCKFBSD_NET_VNET_H

#ifdef _KERNEL

#include <sys/param.h>
#include <sys/queue.h>
#include <sys/kernel.h>
#include <sys/proc.h>

#ifdef VIMAGE

struct vnet {
	LIST_ENTRY(vnet) vnet_le;	/* all vnets list */
	u_int vnet_magic_n;
	u_int vnet_ifcnt;
	u_int vnet_sockcnt;
	u_int vnet_state;		/* SI_SUB_* */
	void *vnet_data_mem;
	uintptr_t vnet_data_base;
	bool vnet_shutdown;		/* shutdown in progress */
};

#define VNET_SETNAME "set_vnet"
#define VNET_SYMPREFIX "vnet_entry_"

#define VNET_NAME(n) vnet_entry_##n
#define VNET_DECLARE(t, n) extern t VNET_NAME(n)
#define VNET_DEFINE(t, n) \
	struct _hack; t VNET_NAME(n) __section(VNET_SETNAME) __used
#define VNET_DEFINE_STATIC(t, n) \
	t VNET_NAME(n) __section(VNET_SETNAME) __used

#define _VNET_PTR(b, n) \
	(__typeof(VNET_NAME(n)) *)((b) + (uintptr_t)&VNET_NAME(n))
#define _VNET(b, n) (*_VNET_PTR(b, n))

#define VNET_VNET_PTR(vnet, n) _VNET_PTR((vnet)->vnet_data_base, n)
#define VNET_VNET(vnet, n) (*VNET_VNET_PTR((vnet), n))
#define VNET_PTR(n) VNET_VNET_PTR(curvnet, n)
#define VNET(n) VNET_VNET(curvnet, n)

#define curvnet curthread->td_vnet

#define CURVNET_SET_QUIET(arg) \
	struct vnet *saved_vnet = curvnet; \
	curvnet = arg;
#define CURVNET_SET(arg) CURVNET_SET_QUIET(arg)
#define CURVNET_RESTORE() \
	curvnet = saved_vnet;

extern struct vnet *vnet0;
#define IS_DEFAULT_VNET(arg) ((arg) == vnet0)

/* Per-vnet constructors and destructors, kept on the vnet's own lists. */
struct vnet_sysinit {
	enum sysinit_sub_id subsystem;
	enum sysinit_elem_order order;
	sysinit_cfunc_t func;
	const void *arg;
	TAILQ_ENTRY(vnet_sysinit) link;
};

void vnet_register_sysinit(void *arg);
void vnet_deregister_sysinit(void *arg);
void vnet_register_sysuninit(void *arg);
void vnet_deregister_sysuninit(void *arg);

#define VNET_SYSINIT(ident, subsystem, order, func, arg) \
	static struct vnet_sysinit ident ## _vnet_init = { \
		subsystem, \
		order, \
		(sysinit_cfunc_t)(sysinit_nfunc_t)func, \
		(arg) \
	}; \
	SYSINIT(vnet_init_ ## ident, subsystem, order, \
	    vnet_register_sysinit, &ident ## _vnet_init); \
	SYSUNINIT(vnet_init_ ## ident, subsystem, order, \
	    vnet_deregister_sysinit, &ident ## _vnet_init)

#define VNET_SYSUNINIT(ident, subsystem, order, func, arg) \
	static struct vnet_sysinit ident ## _vnet_uninit = { \
		subsystem, \
		order, \
		(sysinit_cfunc_t)(sysinit_nfunc_t)func, \
		(arg) \
	}; \
	SYSINIT(vnet_uninit_ ## ident, subsystem, order, \
	    vnet_register_sysuninit, &ident ## _vnet_uninit); \
	SYSUNINIT(vnet_uninit_ ## ident, subsystem, order, \
	    vnet_deregister_sysuninit, &ident ## _vnet_uninit)

void vnet_sysinit(void);
void vnet_sysuninit(void);

#else /* !VIMAGE */

#define VNET_NAME(n) n
#define VNET_DECLARE(t, n) extern t n
#define VNET_DEFINE(t, n) struct _hack; t n
#define VNET_DEFINE_STATIC(t, n) static t n
#define _VNET_PTR(b, n) &VNET_NAME(n)

#define VNET_VNET_PTR(vnet, n) (&(n))
#define VNET_VNET(vnet, n) (n)
#define VNET_PTR(n) (&(n))
#define VNET(n) (n)

#define curvnet NULL
#define CURVNET_SET_QUIET(arg)
#define CURVNET_SET(arg)
#define CURVNET_RESTORE()
#define IS_DEFAULT_VNET(arg) 1

#define VNET_SYSINIT(ident, subsystem, order, func, arg) \
	SYSINIT(ident, subsystem, order, func, arg)
#define VNET_SYSUNINIT(ident, subsystem, order, func, arg) \
	SYSUNINIT(ident, subsystem, order, func, arg)

#endif /* VIMAGE */

#endif /* _KERNEL */

#endif /* _MOCKFBSD_NET_VNET_H */
