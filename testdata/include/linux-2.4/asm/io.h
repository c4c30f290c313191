/* modlife test mock of the Linux 2.4 <asm/io.h>: port and memory-mapped I/O. */
#ifndef _MOCK24_ASM_IO_H
#define _MOCK24_ASM_IO_H

/* Port I/O goes through these (the real ones are inline assembly). */
extern unsigned int __mock24_port_in(unsigned int port, int width);
extern void __mock24_port_out(unsigned int value, unsigned int port, int width);

static inline unsigned char inb(unsigned short port)
{
	return (unsigned char)__mock24_port_in(port, 1);
}

static inline unsigned short inw(unsigned short port)
{
	return (unsigned short)__mock24_port_in(port, 2);
}

static inline unsigned int inl(unsigned short port)
{
	return __mock24_port_in(port, 4);
}

static inline void outb(unsigned char value, unsigned short port)
{
	__mock24_port_out(value, port, 1);
}

static inline void outw(unsigned short value, unsigned short port)
{
	__mock24_port_out(value, port, 2);
}

static inline void outl(unsigned int value, unsigned short port)
{
	__mock24_port_out(value, port, 4);
}

#define inb_p(port) inb(port)
#define outb_p(value, port) outb((value), (port))

/* Memory-mapped I/O: 2.4 took an address of any kind. */
#define __io_virt(x) ((void *)(unsigned long)(x))
#define readb(addr) (*(volatile unsigned char *)__io_virt(addr))
#define readw(addr) (*(volatile unsigned short *)__io_virt(addr))
#define readl(addr) (*(volatile unsigned int *)__io_virt(addr))
#define writeb(b, addr) (*(volatile unsigned char *)__io_virt(addr) = (b))
#define writew(b, addr) (*(volatile unsigned short *)__io_virt(addr) = (b))
#define writel(b, addr) (*(volatile unsigned int *)__io_virt(addr) = (b))

extern void *__ioremap(unsigned long offset, unsigned long size, unsigned long flags);
extern void iounmap(void *addr);

static inline void *ioremap(unsigned long offset, unsigned long size)
{
	return __ioremap(offset, size, 0);
}

static inline void *ioremap_nocache(unsigned long offset, unsigned long size)
{
	return __ioremap(offset, size, 0x010);
}

static inline unsigned long virt_to_phys(volatile void *address)
{
	return (unsigned long)address;
}

static inline void *phys_to_virt(unsigned long address)
{
	return (void *)address;
}

#define virt_to_bus virt_to_phys
#define bus_to_virt phys_to_virt

#endif /* _MOCK24_ASM_IO_H */
