/* modlife test mock of the Linux 6.1 <linux/stringify.h>: stringify after expansion. */
#ifndef _MOCK6_LINUX_STRINGIFY_H
#define _MOCK6_LINUX_STRINGIFY_H

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#endif /* _MOCK6_LINUX_STRINGIFY_H */
