/* modlife test mock of the Linux 2.4 <linux/vmalloc.h>. */
#ifndef _MOCK24_LINUX_VMALLOC_H
#define _MOCK24_LINUX_VMALLOC_H

#include <linux/mm.h>

extern void *__vmalloc(unsigned long size, int gfp_mask, pgprot_t prot);
extern void *vmalloc(unsigned long size);
extern void *vmalloc_dma(unsigned long size);
extern void vfree(void *addr);

#endif /* _MOCK24_LINUX_VMALLOC_H */
