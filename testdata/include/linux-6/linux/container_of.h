/* modlife test mock of the Linux 6.1 <linux/container_of.h>. */
#ifndef _MOCK6_LINUX_CONTAINER_OF_H
#define _MOCK6_LINUX_CONTAINER_OF_H

#include <linux/stddef.h>

/* From a pointer to a member back to the structure that holds it. */
#define container_of(ptr, type, member) ({ \
	char *__mptr = (char *)(ptr); \
	((type *)(__mptr - offsetof(type, member))); })

#endif /* _MOCK6_LINUX_CONTAINER_OF_H */
