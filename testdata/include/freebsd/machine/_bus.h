/* modlife test mock of the FreeBSD (amd64) <machine/_bus.h>: bus address types. */
#ifndef _MOCKFBSD_MACHINE__BUS_H
#define _MOCKFBSD_MACHINE__BUS_H

#include <sys/types.h>

typedef uint64_t bus_addr_t;
typedef uint64_t bus_size_t;
typedef uint64_t bus_space_tag_t;
typedef uint64_t bus_space_handle_t;

#endif /* _MOCKFBSD_MACHINE__BUS_H */
