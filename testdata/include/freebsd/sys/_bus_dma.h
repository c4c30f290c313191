/* modlife test mock of the FreeBSD <sys/_bus_dma.h>: bus_dma handle types. */
#ifndef _MOCKFBSD_SYS__BUS_DMA_H
#define _MOCKFBSD_SYS__BUS_DMA_H

typedef struct bus_dma_tag *bus_dma_tag_t;
typedef struct bus_dmamap *bus_dmamap_t;

typedef enum {
	BUS_DMA_LOCK = 0x01,
	BUS_DMA_UNLOCK = 0x02,
} bus_dma_lock_op_t;

typedef void bus_dma_lock_t(void *, bus_dma_lock_op_t);

#endif /* _MOCKFBSD_SYS__BUS_DMA_H */
