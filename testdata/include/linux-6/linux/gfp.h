/* modlife test mock of the Linux 6.1 <linux/gfp.h>: the page allocator. */
#ifndef _MOCK6_LINUX_GFP_H
#define _MOCK6_LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/numa.h>

struct page;

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/* Each may sleep when its flags carry __GFP_DIRECT_RECLAIM. */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order);
#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)

extern unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
extern unsigned long get_zeroed_page(gfp_t gfp_mask);
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)

extern void __free_pages(struct page *page, unsigned int order);
extern void free_pages(unsigned long addr, unsigned int order);
#define __free_page(page) __free_pages((page), 0)
#define free_page(addr) free_pages((addr), 0)

#endif /* _MOCK6_LINUX_GFP_H */
