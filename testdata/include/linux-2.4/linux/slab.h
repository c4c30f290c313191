/* modlife test mock of the Linux 2.4 <linux/slab.h>: kmalloc and slab caches. */
#ifndef _MOCK24_LINUX_SLAB_H
#define _MOCK24_LINUX_SLAB_H

#include <linux/mm.h>

typedef struct kmem_cache_s kmem_cache_t;

#define SLAB_NOIO GFP_NOIO
#define SLAB_NOFS GFP_NOFS
#define SLAB_ATOMIC GFP_ATOMIC
#define SLAB_USER GFP_USER
#define SLAB_KERNEL GFP_KERNEL
#define SLAB_DMA GFP_DMA

#define SLAB_HWCACHE_ALIGN 0x00002000UL

extern kmem_cache_t *kmem_cache_create(const char *name, size_t size, size_t offset,
				       unsigned long flags,
				       void (*ctor)(void *, kmem_cache_t *, unsigned long),
				       void (*dtor)(void *, kmem_cache_t *, unsigned long));
extern int kmem_cache_destroy(kmem_cache_t *cachep);
extern void *kmem_cache_alloc(kmem_cache_t *cachep, int flags);
extern void kmem_cache_free(kmem_cache_t *cachep, void *objp);

extern void *kmalloc(size_t size, int flags);
extern void kfree(const void *objp);

#endif /* _MOCK24_LINUX_SLAB_H */
