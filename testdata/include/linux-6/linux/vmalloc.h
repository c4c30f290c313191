/* modlife test mock of the Linux 6.1 <linux/vmalloc.h>: virtually contiguous memory. */
#ifndef _MOCK6_LINUX_VMALLOC_H
#define _MOCK6_LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/compiler.h>

/* Always allocate with GFP_KERNEL, so always may sleep. */
extern void *vmalloc(unsigned long size) __alloc_size(1);
extern void *vzalloc(unsigned long size) __alloc_size(1);
extern void *vmalloc_user(unsigned long size) __alloc_size(1);
extern void *__vmalloc(unsigned long size, gfp_t gfp_mask) __alloc_size(1);
extern void vfree(const void *addr);

#endif /* _MOCK6_LINUX_VMALLOC_H */
