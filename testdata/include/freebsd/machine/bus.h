/* modlife test mock of the FreeBSD (amd64) <machine/bus.h>: bus space access and bus_dma. */
#ifndef _MOCKFBSD_MACHINE_BUS_H
#define _MOCKFBSD_MACHINE_BUS_H

#include <sys/cdefs.h>
#include <machine/_bus.h>

#define BUS_SPACE_MAXADDR_24BIT 0xFFFFFFUL
#define BUS_SPACE_MAXADDR_32BIT 0xFFFFFFFFUL
#define BUS_SPACE_MAXADDR_40BIT 0xFFFFFFFFFFUL
#define BUS_SPACE_MAXADDR 0xFFFFFFFFFFFFFFFFUL
#define BUS_SPACE_MAXSIZE_24BIT 0xFFFFFFUL
#define BUS_SPACE_MAXSIZE_32BIT 0xFFFFFFFFUL
#define BUS_SPACE_MAXSIZE 0xFFFFFFFFFFFFFFFFUL
#define BUS_SPACE_UNRESTRICTED (~0)

#define X86_BUS_SPACE_IO 0	/* space is i/o space */
#define X86_BUS_SPACE_MEM 1	/* space is mem space */

/* The mock models memory space only: the handle is the mapped address. */
static __inline uint8_t
bus_space_read_1(bus_space_tag_t tag __unused, bus_space_handle_t handle,
    bus_size_t offset)
{
	return (*(volatile uint8_t *)(handle + offset));
}

static __inline uint16_t
bus_space_read_2(bus_space_tag_t tag __unused, bus_space_handle_t handle,
    bus_size_t offset)
{
	return (*(volatile uint16_t *)(handle + offset));
}

static __inline uint32_t
bus_space_read_4(bus_space_tag_t tag __unused, bus_space_handle_t handle,
    bus_size_t offset)
{
	return (*(volatile uint32_t *)(handle + offset));
}

static __inline void
bus_space_write_1(bus_space_tag_t tag __unused, bus_space_handle_t bsh,
    bus_size_t offset, uint8_t value)
{
	*(volatile uint8_t *)(bsh + offset) = value;
}

static __inline void
bus_space_write_2(bus_space_tag_t tag __unused, bus_space_handle_t bsh,
    bus_size_t offset, uint16_t value)
{
	*(volatile uint16_t *)(bsh + offset) = value;
}

static __inline void
bus_space_write_4(bus_space_tag_t tag __unused, bus_space_handle_t bsh,
    bus_size_t offset, uint32_t value)
{
	*(volatile uint32_t *)(bsh + offset) = value;
}

#define BUS_SPACE_BARRIER_READ 0x01
#define BUS_SPACE_BARRIER_WRITE 0x02

static __inline void
bus_space_barrier(bus_space_tag_t tag __unused, bus_space_handle_t bsh __unused,
    bus_size_t offset __unused, bus_size_t len __unused, int flags)
{
	if (flags & BUS_SPACE_BARRIER_READ)
		__asm __volatile("lock; addl $0,0(%%rsp)" : : : "memory");
	else
		__asm __volatile("" : : : "memory");
}

#include <sys/bus_dma.h>

#endif /* _MOCKFBSD_MACHINE_BUS_H */
