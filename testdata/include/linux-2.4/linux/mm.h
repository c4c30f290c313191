/* modlife test mock of the Linux 2.4 <linux/mm.h>: gfp masks and page allocation. */
#ifndef _MOCK24_LINUX_MM_H
#define _MOCK24_LINUX_MM_H

#include <linux/linkage.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/list.h>
#include <asm/atomic.h>
#include <asm/page.h>

/* Allocation flags: only __GFP_WAIT lets the allocator sleep. */
#define __GFP_WAIT 0x01
#define __GFP_HIGH 0x02
#define __GFP_IO 0x04
#define __GFP_DMA 0x08
#define __GFP_HIGHMEM 0x10
#define __GFP_FS 0x20

#define GFP_NOHIGHIO (__GFP_HIGH | __GFP_WAIT | __GFP_IO)
#define GFP_NOIO (__GFP_HIGH | __GFP_WAIT)
#define GFP_NOFS (__GFP_HIGH | __GFP_WAIT | __GFP_IO)
#define GFP_ATOMIC (__GFP_HIGH)
#define GFP_USER (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_HIGHUSER (__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HIGHMEM)
#define GFP_KERNEL (__GFP_HIGH | __GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_NFS (__GFP_HIGH | __GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_KSWAPD (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_DMA __GFP_DMA

struct page {
	struct list_head list;
	atomic_t count;
	unsigned long flags;
	unsigned long index;
	void *virtual;
};

struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start;
	unsigned long vm_end;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
};

#define MAX_ORDER 10

extern struct page *FASTCALL(_alloc_pages(unsigned int gfp_mask, unsigned int order));
extern unsigned long FASTCALL(__get_free_pages(unsigned int gfp_mask, unsigned int order));
extern unsigned long FASTCALL(get_zeroed_page(unsigned int gfp_mask));
extern void FASTCALL(__free_pages(struct page *page, unsigned int order));
extern void FASTCALL(free_pages(unsigned long addr, unsigned int order));

static inline struct page *alloc_pages(unsigned int gfp_mask, unsigned int order)
{
	if (order >= MAX_ORDER)
		return NULL;
	return _alloc_pages(gfp_mask, order);
}

#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) __get_free_pages((gfp_mask) | GFP_DMA, (order))
#define get_free_page get_zeroed_page
#define __free_page(page) __free_pages((page), 0)
#define free_page(addr) free_pages((addr), 0)

extern int remap_page_range(unsigned long from, unsigned long to,
			    unsigned long size, pgprot_t prot);

#endif /* _MOCK24_LINUX_MM_H */
