/* modlife test mock of the Linux 2.4 <asm/page.h>. */
#ifndef _MOCK24_ASM_PAGE_H
#define _MOCK24_ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

typedef struct { unsigned long pgprot; } pgprot_t;
#define __pgprot(x) ((pgprot_t) { (x) })
#define PAGE_KERNEL __pgprot(0x163)
#define PAGE_SHARED __pgprot(0x067)

#define __pa(x) ((unsigned long)(x))
#define __va(x) ((void *)(unsigned long)(x))

#endif /* _MOCK24_ASM_PAGE_H */
