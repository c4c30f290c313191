/*
 * modlife test mock of the FreeBSD <sys/malloc.h>: malloc(9).
 * malloc(M_WAITOK) may sleep and never returns NULL; malloc(M_NOWAIT)
 * does not sleep and may fail. A malloc type is a one-element array made
 * by MALLOC_DEFINE, registered by a SYSINIT and released by a SYSUNINIT.
 */
#ifndef _MOCKFBSD_SYS_MALLOC_H
#define _MOCKFBSD_SYS_MALLOC_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>
#include <sys/kernel.h>

#define M_NOWAIT 0x0001		/* do not block */
#define M_WAITOK 0x0002		/* ok to block */
#define M_NORECLAIM 0x0080	/* do not reclaim after failure */
#define M_ZERO 0x0100		/* bzero the allocation */
#define M_NOVM 0x0200		/* do not ask the VM for pages */
#define M_USE_RESERVE 0x0400	/* may dip into the reserve */
#define M_NODUMP 0x0800		/* leave out of kernel dumps */
#define M_FIRSTFIT 0x1000
#define M_BESTFIT 0x2000
#define M_EXEC 0x4000
#define M_NEXTFIT 0x8000

#define M_VERSION 2020110501

struct malloc_type_internal {
	uint32_t mti_probes[2];
	u_char mti_zone;
	void *mti_stats;
};

struct malloc_type {
	struct malloc_type *ks_next;	/* next in list */
	u_long ks_version;		/* detect programmer error */
	const char *ks_shortdesc;	/* printable type name */
	struct malloc_type_internal ks_mti;
};

#ifdef _KERNEL
void malloc_init(void *);
void malloc_uninit(void *);

#define MALLOC_DEFINE(type, shortdesc, longdesc) \
	struct malloc_type type[1] = { \
		{ \
			.ks_next = NULL, \
			.ks_version = M_VERSION, \
			.ks_shortdesc = shortdesc, \
		} \
	}; \
	SYSINIT(type##_init, SI_SUB_KMEM, SI_ORDER_THIRD, malloc_init, \
	    type); \
	SYSUNINIT(type##_uninit, SI_SUB_KMEM, SI_ORDER_ANY, \
	    malloc_uninit, type)

#define MALLOC_DECLARE(type) \
	extern struct malloc_type type[1]

MALLOC_DECLARE(M_CACHE);
MALLOC_DECLARE(M_DEVBUF);
MALLOC_DECLARE(M_TEMP);
MALLOC_DECLARE(M_IOV);

/*
 * The kernel is built -ffreestanding, so these are not the C library's;
 * keep a compiler without that flag quiet about the different signatures.
 */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wincompatible-library-redeclaration"
void *malloc(size_t size, struct malloc_type *type, int flags)
    __malloc_like __result_use_check __alloc_size(1);
void *mallocarray(size_t nmemb, size_t size, struct malloc_type *type,
    int flags) __malloc_like __result_use_check __alloc_size2(1, 2);
void *realloc(void *addr, size_t size, struct malloc_type *type, int flags)
    __result_use_check __alloc_size(2);
void *reallocf(void *addr, size_t size, struct malloc_type *type, int flags)
    __result_use_check __alloc_size(2);
void free(void *addr, struct malloc_type *type);
void zfree(void *addr, struct malloc_type *type);
#pragma clang diagnostic pop

void *contigmalloc(unsigned long size, struct malloc_type *type, int flags,
    vm_paddr_t low, vm_paddr_t high, unsigned long alignment,
    vm_paddr_t boundary) __malloc_like __result_use_check __alloc_size(1);
void contigfree(void *addr, unsigned long size, struct malloc_type *type);
size_t malloc_usable_size(const void *);
#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_MALLOC_H */
