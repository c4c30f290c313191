/* modlife test mock of the Linux 6.1 <linux/mm.h>: pages and the allocators. */
#ifndef _MOCK6_LINUX_MM_H
#define _MOCK6_LINUX_MM_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <asm/page.h>

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_pgoff;
	unsigned long vm_flags;
	void *vm_private_data;
};

extern void *page_address(const struct page *page);
extern void kvfree(const void *addr);

#endif /* _MOCK6_LINUX_MM_H */
