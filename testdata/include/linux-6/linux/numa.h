/* modlife test mock of the Linux 6.1 <linux/numa.h>. */
#ifndef _MOCK6_LINUX_NUMA_H
#define _MOCK6_LINUX_NUMA_H

#define NUMA_NO_NODE (-1)

#endif /* _MOCK6_LINUX_NUMA_H */
