/* modlife test mock of the FreeBSD <sys/rman.h>: bus resources. */
#ifndef _MOCKFBSD_SYS_RMAN_H
#define _MOCKFBSD_SYS_RMAN_H

#include <sys/types.h>
#include <machine/_bus.h>
#include <machine/resource.h>

#define RF_ALLOCATED 0x0001	/* resource has been reserved */
#define RF_ACTIVE 0x0002	/* resource allocation has been activated */
#define RF_SHAREABLE 0x0004	/* resource permits contemporaneous sharing */
#define RF_FIRSTSHARE 0x0020	/* first in sharing list */
#define RF_PREFETCHABLE 0x0040	/* resource is prefetchable */
#define RF_OPTIONAL 0x0080	/* for bus_alloc_resources() */
#define RF_UNMAPPED 0x0100	/* don't map resource when activating */

#define RM_MAX_END (~(rman_res_t)0)

struct resource_i;

/* Drivers see only the bus space tag and handle. */
struct resource {
	struct resource_i *__r_i;
	bus_space_tag_t r_bustag;
	bus_space_handle_t r_bushandle;
};

rman_res_t rman_get_start(const struct resource *_r);
rman_res_t rman_get_end(const struct resource *_r);
rman_res_t rman_get_size(const struct resource *_r);
u_int rman_get_flags(const struct resource *_r);
int rman_get_rid(const struct resource *_r);
int rman_get_type(const struct resource *_r);
void *rman_get_virtual(const struct resource *_r);
bus_space_tag_t rman_get_bustag(const struct resource *_r);
bus_space_handle_t rman_get_bushandle(const struct resource *_r);
int rman_activate_resource(struct resource *r);
int rman_deactivate_resource(struct resource *r);

#endif /* _MOCKFBSD_SYS_RMAN_H */
