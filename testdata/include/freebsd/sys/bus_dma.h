/*
 * modlife test mock of the FreeBSD <sys/bus_dma.h>: DMA tags, maps and memory.
 * BUS_DMA_WAITOK is 0: a tag or allocation without BUS_DMA_NOWAIT may sleep.
 */
#ifndef _MOCKFBSD_SYS_BUS_DMA_H
#define _MOCKFBSD_SYS_BUS_DMA_H

#include <sys/_bus_dma.h>
#include <machine/_bus.h>

#define BUS_DMA_WAITOK 0x00	/* safe to sleep (pseudo-flag) */
#define BUS_DMA_NOWAIT 0x01	/* not safe to sleep */
#define BUS_DMA_ALLOCNOW 0x02	/* perform resource allocation now */
#define BUS_DMA_COHERENT 0x04	/* map memory to not require sync */
#define BUS_DMA_ZERO 0x08	/* allocate zero'ed memory */
#define BUS_DMA_BUS1 0x10
#define BUS_DMA_BUS2 0x20
#define BUS_DMA_BUS3 0x40
#define BUS_DMA_BUS4 0x80
#define BUS_DMA_NOWRITE 0x100
#define BUS_DMA_NOCACHE 0x200

#define BUS_DMASYNC_PREREAD 1
#define BUS_DMASYNC_POSTREAD 2
#define BUS_DMASYNC_PREWRITE 4
#define BUS_DMASYNC_POSTWRITE 8

typedef int bus_dmasync_op_t;

typedef struct bus_dma_segment {
	bus_addr_t ds_addr;	/* DMA address */
	bus_size_t ds_len;	/* length of transfer */
} bus_dma_segment_t;

/* Filters are deprecated: pass NULL. */
typedef int bus_dma_filter_t(void *, bus_addr_t);

typedef void bus_dmamap_callback_t(void *, bus_dma_segment_t *, int, int);

/* A lockfunc for tags whose deferred callbacks run under a mutex. */
void busdma_lock_mutex(void *arg, bus_dma_lock_op_t op);

int bus_dma_tag_create(bus_dma_tag_t parent, bus_size_t alignment,
    bus_addr_t boundary, bus_addr_t lowaddr, bus_addr_t highaddr,
    bus_dma_filter_t *filtfunc, void *filtfuncarg, bus_size_t maxsize,
    int nsegments, bus_size_t maxsegsz, int flags,
    bus_dma_lock_t *lockfunc, void *lockfuncarg, bus_dma_tag_t *dmat);
int bus_dma_tag_destroy(bus_dma_tag_t dmat);

int bus_dmamap_create(bus_dma_tag_t dmat, int flags, bus_dmamap_t *mapp);
int bus_dmamap_destroy(bus_dma_tag_t dmat, bus_dmamap_t map);
int bus_dmamap_load(bus_dma_tag_t dmat, bus_dmamap_t map, void *buf,
    bus_size_t buflen, bus_dmamap_callback_t *callback,
    void *callback_arg, int flags);
void bus_dmamap_unload(bus_dma_tag_t dmat, bus_dmamap_t map);
void bus_dmamap_sync(bus_dma_tag_t dmat, bus_dmamap_t map,
    bus_dmasync_op_t op);

int bus_dmamem_alloc(bus_dma_tag_t dmat, void **vaddr, int flags,
    bus_dmamap_t *mapp);
void bus_dmamem_free(bus_dma_tag_t dmat, void *vaddr, bus_dmamap_t map);

#endif /* _MOCKFBSD_SYS_BUS_DMA_H */
