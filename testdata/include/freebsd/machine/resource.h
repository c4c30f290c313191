/* modlife test mock of the FreeBSD (amd64) <machine/resource.h>: resource types. */
#ifndef _MOCKFBSD_MACHINE_RESOURCE_H
#define _MOCKFBSD_MACHINE_RESOURCE_H

#define SYS_RES_IRQ 1		/* interrupt lines */
#define SYS_RES_DRQ 2		/* isa dma lines */
#define SYS_RES_MEMORY 3	/* i/o memory */
#define SYS_RES_IOPORT 4	/* i/o ports */
#define PCI_RES_BUS 5		/* PCI bus numbers */

#endif /* _MOCKFBSD_MACHINE_RESOURCE_H */
