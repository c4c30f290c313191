/* modlife test mock of the Linux 2.4 <linux/ioport.h>: I/O and memory regions. */
#ifndef _MOCK24_LINUX_IOPORT_H
#define _MOCK24_LINUX_IOPORT_H

struct resource {
	const char *name;
	unsigned long start, end;
	unsigned long flags;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_IRQ 0x00000400
#define IORESOURCE_BUSY 0x80000000

extern struct resource ioport_resource;
extern struct resource iomem_resource;

extern struct resource *__request_region(struct resource *parent, unsigned long start,
					 unsigned long n, const char *name);
extern int __check_region(struct resource *parent, unsigned long start, unsigned long n);
extern void __release_region(struct resource *parent, unsigned long start, unsigned long n);

#define request_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name))
#define check_region(start, n) __check_region(&ioport_resource, (start), (n))
#define release_region(start, n) __release_region(&ioport_resource, (start), (n))

#define request_mem_region(start, n, name) __request_region(&iomem_resource, (start), (n), (name))
#define check_mem_region(start, n) __check_region(&iomem_resource, (start), (n))
#define release_mem_region(start, n) __release_region(&iomem_resource, (start), (n))

#endif /* _MOCK24_LINUX_IOPORT_H */
