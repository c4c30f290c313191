/* modlife test mock of the Linux 2.2 <linux/malloc.h>, kept in 2.4 as an alias. */
#ifndef _MOCK24_LINUX_MALLOC_H
#define _MOCK24_LINUX_MALLOC_H

#include <linux/slab.h>

#endif /* _MOCK24_LINUX_MALLOC_H */
