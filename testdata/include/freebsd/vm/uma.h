/*
 * modlife test mock of the FreeBSD <vm/uma.h>: UMA zones.
 * uma_zalloc() takes malloc(9)'s M_WAITOK/M_NOWAIT/M_ZERO flags.
 */
#ifndef _MOCKFBSD_VM_UMA_H
#define _MOCKFBSD_VM_UMA_H

#include <sys/param.h>
#include <sys/malloc.h>

struct uma_zone;
typedef struct uma_zone *uma_zone_t;

typedef int (*uma_ctor)(void *mem, int size, void *arg, int flags);
typedef void (*uma_dtor)(void *mem, int size, void *arg);
typedef int (*uma_init)(void *mem, int size, int flags);
typedef void (*uma_fini)(void *mem, int size);

#define UMA_ALIGN_PTR (sizeof(void *) - 1)
#define UMA_ALIGN_LONG (sizeof(long) - 1)
#define UMA_ALIGN_INT (sizeof(int) - 1)
#define UMA_ALIGN_CACHE (uma_get_cache_align_mask())

#define UMA_ZONE_UNMANAGED 0x0001
#define UMA_ZONE_ZINIT 0x0002
#define UMA_ZONE_CONTIG 0x0004
#define UMA_ZONE_NOTOUCH 0x0008
#define UMA_ZONE_MALLOC 0x0010
#define UMA_ZONE_NOFREE 0x0020	/* never freed: the zone outlives its module */
#define UMA_ZONE_MTXCLASS 0x0040
#define UMA_ZONE_VM 0x0080
#define UMA_ZONE_NOBUCKET 0x0400

int uma_get_cache_align_mask(void);

uma_zone_t uma_zcreate(const char *name, size_t size, uma_ctor ctor,
    uma_dtor dtor, uma_init uminit, uma_fini fini, int align,
    uint32_t flags);
void uma_zdestroy(uma_zone_t zone);

void *uma_zalloc_arg(uma_zone_t zone, void *arg, int flags);
void uma_zfree_arg(uma_zone_t zone, void *item, void *arg);

static __inline void *uma_zalloc(uma_zone_t zone, int flags);
static __inline void uma_zfree(uma_zone_t zone, void *item);

static __inline void *
uma_zalloc(uma_zone_t zone, int flags)
{
	return (uma_zalloc_arg(zone, NULL, flags));
}

static __inline void
uma_zfree(uma_zone_t zone, void *item)
{
	uma_zfree_arg(zone, item, NULL);
}

int uma_zone_set_max(uma_zone_t zone, int nitems);
void uma_zone_reserve(uma_zone_t zone, int nitems);

#endif /* _MOCKFBSD_VM_UMA_H */
