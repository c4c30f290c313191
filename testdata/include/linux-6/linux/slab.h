/* modlife test mock of the Linux 6.1 <linux/slab.h>: kmalloc and slab caches. */
#ifndef _MOCK6_LINUX_SLAB_H
#define _MOCK6_LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/numa.h>
#include <linux/string.h>

#define SLAB_HWCACHE_ALIGN ((slab_flags_t __force)0x00002000U)
#define SLAB_PANIC ((slab_flags_t __force)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU ((slab_flags_t __force)0x00080000U)
#define SLAB_ACCOUNT ((slab_flags_t __force)0x04000000U)

#define ZERO_SIZE_PTR ((void *)16)

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);

#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), \
			  __alignof__(struct __struct), (__flags), NULL)

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);

/* Every allocator below may sleep when flags carry __GFP_DIRECT_RECLAIM. */
void *__kmalloc(size_t size, gfp_t flags) __alloc_size(1);
void *__kmalloc_node(size_t size, gfp_t flags, int node) __alloc_size(1);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) __malloc;
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node) __malloc;
void kmem_cache_free(struct kmem_cache *s, void *objp);
void *krealloc(const void *objp, size_t new_size, gfp_t flags) __realloc_size(2);

static __always_inline __alloc_size(1) void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

static __always_inline __alloc_size(1) void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return __kmalloc_node(size, flags, node);
}

static inline __alloc_size(1, 2) void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline __alloc_size(1, 2) void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

static inline __alloc_size(1) void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline __alloc_size(1) void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

extern void *kvmalloc_node(size_t size, gfp_t flags, int node) __alloc_size(1);

static inline __alloc_size(1) void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, NUMA_NO_NODE);
}

static inline __alloc_size(1) void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

extern void kvfree(const void *addr);

#endif /* _MOCK6_LINUX_SLAB_H */
