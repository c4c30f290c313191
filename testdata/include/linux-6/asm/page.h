/* modlife test mock of the Linux 6.1 <asm/page.h>: the page size. */
#ifndef _MOCK6_ASM_PAGE_H
#define _MOCK6_ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#endif /* _MOCK6_ASM_PAGE_H */
