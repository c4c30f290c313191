/*
 * modlife test mock of the FreeBSD <sys/bus.h>: newbus.
 * DRIVER_MODULE(name, busname, driver, evh, arg) makes a module "busname/name"
 * whose event handler is driver_module_handler(): on MOD_LOAD it adds the
 * driver to the bus, which probes and attaches devices at once, while the
 * kernel linker is still loading the file. On MOD_UNLOAD it detaches every
 * device, so a detach method that fails vetoes the unload. evh, if not
 * NULL, is chained and called first with arg.
 */
#ifndef _MOCKFBSD_SYS_BUS_H
#define _MOCKFBSD_SYS_BUS_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/_bus_dma.h>
#include <sys/ioccom.h>

typedef enum device_state {
	DS_NOTPRESENT = 10,	/* not probed or probe failed */
	DS_ALIVE = 20,		/* probe succeeded */
	DS_ATTACHING = 25,	/* currently attaching */
	DS_ATTACHED = 30,	/* attach method called */
} device_state_t;

#ifdef _KERNEL

#include <sys/kobj.h>
#include <sys/systm.h>

typedef struct _device *device_t;
typedef struct kobj_class driver_t;
typedef struct devclass *devclass_t;
#define device_method_t kobj_method_t

/*
 * An interrupt filter runs in primary interrupt context and must not
 * sleep; the handler (ithread) may block on mutexes but must not sleep.
 */
typedef int driver_filter_t(void *);
typedef void driver_intr_t(void *);

#define FILTER_STRAY 0x01
#define FILTER_HANDLED 0x02
#define FILTER_SCHEDULE_THREAD 0x04

enum intr_type {
	INTR_TYPE_TTY = 1,
	INTR_TYPE_BIO = 2,
	INTR_TYPE_NET = 4,
	INTR_TYPE_CAM = 8,
	INTR_TYPE_MISC = 16,
	INTR_TYPE_CLK = 32,
	INTR_TYPE_AV = 64,
	INTR_EXCL = 256,	/* exclusive interrupt */
	INTR_MPSAFE = 512,	/* this interrupt is SMP safe */
	INTR_ENTROPY = 1024,	/* this interrupt provides entropy */
	INTR_MD1 = 4096,
	INTR_MD2 = 8192,
	INTR_MD3 = 16384,
	INTR_MD4 = 32768,
	INTR_SLEEPABLE = 65536,
};

enum intr_trigger {
	INTR_TRIGGER_INVALID = -1,
	INTR_TRIGGER_CONFORM = 0,
	INTR_TRIGGER_EDGE = 1,
	INTR_TRIGGER_LEVEL = 2
};

struct resource;
struct resource_list;

/* For bus_alloc_resources() and bus_release_resources(). */
struct resource_spec {
	int type;
	int rid;
	int flags;
};
#define RESOURCE_SPEC_END { -1, 0, 0 }

int bus_alloc_resources(device_t dev, struct resource_spec *rs,
    struct resource **res);
void bus_release_resources(device_t dev, const struct resource_spec *rs,
    struct resource **res);

int bus_generic_attach(device_t dev);
int bus_generic_detach(device_t dev);
int bus_generic_print_child(device_t dev, device_t child);
int bus_generic_probe(device_t dev);
int bus_generic_resume(device_t dev);
int bus_generic_shutdown(device_t dev);
int bus_generic_suspend(device_t dev);
void bus_generic_driver_added(device_t dev, driver_t *driver);

/* Wrapper functions for the bus methods, used by drivers. */
struct resource *bus_alloc_resource(device_t dev, int type, int *rid,
    rman_res_t start, rman_res_t end, rman_res_t count, u_int flags);
int bus_activate_resource(device_t dev, int type, int rid,
    struct resource *r);
int bus_deactivate_resource(device_t dev, int type, int rid,
    struct resource *r);
bus_dma_tag_t bus_get_dma_tag(device_t dev);
int bus_release_resource(device_t dev, int type, int rid,
    struct resource *r);
int bus_setup_intr(device_t dev, struct resource *r, int flags,
    driver_filter_t filter, driver_intr_t handler, void *arg,
    void **cookiep);
int bus_teardown_intr(device_t dev, struct resource *r, void *cookie);
int bus_bind_intr(device_t dev, struct resource *r, int cpu);
int bus_describe_intr(device_t dev, struct resource *irq, void *cookie,
    const char *fmt, ...) __printflike(4, 5);
int bus_get_resource(device_t dev, int type, int rid,
    rman_res_t *startp, rman_res_t *countp);
rman_res_t bus_get_resource_start(device_t dev, int type, int rid);
rman_res_t bus_get_resource_count(device_t dev, int type, int rid);

static __inline struct resource *
bus_alloc_resource_any(device_t dev, int type, int *rid, u_int flags)
{
	return (bus_alloc_resource(dev, type, rid, 0, ~0, 1, flags));
}

static __inline struct resource *
bus_alloc_resource_anywhere(device_t dev, int type, int *rid,
    rman_res_t count, u_int flags)
{
	return (bus_alloc_resource(dev, type, rid, 0, ~0, count, flags));
}

/* Access functions for device. */
device_t device_add_child(device_t dev, const char *name, int unit);
device_t device_add_child_ordered(device_t dev, u_int order,
    const char *name, int unit);
void device_busy(device_t dev);
int device_delete_child(device_t dev, device_t child);
int device_attach(device_t dev);
int device_detach(device_t dev);
void device_disable(device_t dev);
void device_enable(device_t dev);
device_t device_find_child(device_t dev, const char *classname, int unit);
const char *device_get_desc(device_t dev);
devclass_t device_get_devclass(device_t dev);
driver_t *device_get_driver(device_t dev);
uint32_t device_get_flags(device_t dev);
device_t device_get_parent(device_t dev);
int device_get_children(device_t dev, device_t **listp, int *countp);
void *device_get_ivars(device_t dev);
void device_set_ivars(device_t dev, void *ivars);
const char *device_get_name(device_t dev);
const char *device_get_nameunit(device_t dev);
void *device_get_softc(device_t dev);
device_state_t device_get_state(device_t dev);
int device_get_unit(device_t dev);
int device_is_alive(device_t dev);
int device_is_attached(device_t dev);
int device_is_enabled(device_t dev);
int device_is_suspended(device_t dev);
int device_is_quiet(device_t dev);
device_t device_lookup_by_name(const char *name);
int device_print_prettyname(device_t dev);
int device_printf(device_t dev, const char *, ...) __printflike(2, 3);
int device_log(device_t dev, int pri, const char *, ...) __printflike(3, 4);
int device_probe(device_t dev);
int device_probe_and_attach(device_t dev);
int device_probe_child(device_t bus, device_t dev);
int device_quiesce(device_t dev);
void device_quiet(device_t dev);
void device_set_desc(device_t dev, const char *desc);
void device_set_descf(device_t dev, const char *fmt, ...) __printflike(2, 3);
void device_set_desc_copy(device_t dev, const char *desc);
int device_set_driver(device_t dev, driver_t *driver);
void device_set_flags(device_t dev, uint32_t flags);
void device_set_softc(device_t dev, void *softc);
void device_free_softc(void *softc);
void device_claim_softc(device_t dev);
int device_set_unit(device_t dev, int unit);
int device_shutdown(device_t dev);
void device_unbusy(device_t dev);
void device_verbose(device_t dev);

/* Access functions for devclass. */
int devclass_add_driver(devclass_t dc, driver_t *driver, int pass,
    devclass_t *dcp);
devclass_t devclass_create(const char *classname);
int devclass_delete_driver(devclass_t busclass, driver_t *driver);
devclass_t devclass_find(const char *classname);
const char *devclass_get_name(devclass_t dc);
device_t devclass_get_device(devclass_t dc, int unit);
void *devclass_get_softc(devclass_t dc, int unit);
int devclass_get_devices(devclass_t dc, device_t **listp, int *countp);
int devclass_get_maxunit(devclass_t dc);
int devclass_find_free_unit(devclass_t dc, int unit);
devclass_t devclass_get_parent(devclass_t dc);

/* Probe priorities: the highest (closest to 0) wins. */
#define BUS_PROBE_SPECIFIC 0
#define BUS_PROBE_VENDOR (-10)
#define BUS_PROBE_DEFAULT (-20)
#define BUS_PROBE_LOW_PRIORITY (-40)
#define BUS_PROBE_GENERIC (-100)
#define BUS_PROBE_HOOVER (-1000000)
#define BUS_PROBE_NOWILDCARD (-2000000000)

/* Passes of a multi-pass bus attach. */
#define BUS_PASS_ROOT 0
#define BUS_PASS_BUS 10
#define BUS_PASS_CPU 20
#define BUS_PASS_RESOURCE 30
#define BUS_PASS_INTERRUPT 40
#define BUS_PASS_TIMER 50
#define BUS_PASS_SCHEDULER 60
#define BUS_PASS_SUPPORTDEV 100000
#define BUS_PASS_DEFAULT __INT_MAX__

#define BUS_PASS_ORDER_FIRST 0
#define BUS_PASS_ORDER_EARLY 2
#define BUS_PASS_ORDER_MIDDLE 5
#define BUS_PASS_ORDER_LATE 7
#define BUS_PASS_ORDER_LAST 9

extern int bus_current_pass;

void bus_set_pass(int pass);

/* Shorthands for constructing method tables. */
#define DEVMETHOD KOBJMETHOD
#define DEVMETHOD_END KOBJMETHOD_END

/* Some common device interfaces. */
#include "device_if.h"
#include "bus_if.h"

struct module;

int driver_module_handler(struct module *, int, void *);

/* Module support for automatically adding drivers to buses. */
struct driver_module_data {
	int (*dmd_chainevh)(struct module *, int, void *);
	void *dmd_chainarg;
	const char *dmd_busname;
	kobj_class_t dmd_driver;
	int dmd_pass;
};

#define EARLY_DRIVER_MODULE_ORDERED(name, busname, driver, evh, arg, \
    order, pass) \
\
static struct driver_module_data name##_##busname##_driver_mod = { \
	evh, arg, \
	#busname, \
	(kobj_class_t) &driver, \
	pass \
}; \
\
static moduledata_t name##_##busname##_mod = { \
	#busname "/" #name, \
	driver_module_handler, \
	&name##_##busname##_driver_mod \
}; \
DECLARE_MODULE(name##_##busname, name##_##busname##_mod, \
	       SI_SUB_DRIVERS, order)

#define EARLY_DRIVER_MODULE(name, busname, driver, evh, arg, pass) \
	EARLY_DRIVER_MODULE_ORDERED(name, busname, driver, evh, arg, \
	    SI_ORDER_MIDDLE, pass)

#define DRIVER_MODULE_ORDERED(name, busname, driver, evh, arg, order) \
	EARLY_DRIVER_MODULE_ORDERED(name, busname, driver, evh, arg, \
	    order, BUS_PASS_DEFAULT)

#define DRIVER_MODULE(name, busname, driver, evh, arg) \
	EARLY_DRIVER_MODULE(name, busname, driver, evh, arg, \
	    BUS_PASS_DEFAULT)

/* Register accessors through a struct resource. */
#define bus_barrier(r, o, l, f) \
	bus_space_barrier((r)->r_bustag, (r)->r_bushandle, (o), (l), (f))
#define bus_read_1(r, o) \
	bus_space_read_1((r)->r_bustag, (r)->r_bushandle, (o))
#define bus_read_2(r, o) \
	bus_space_read_2((r)->r_bustag, (r)->r_bushandle, (o))
#define bus_read_4(r, o) \
	bus_space_read_4((r)->r_bustag, (r)->r_bushandle, (o))
#define bus_write_1(r, o, v) \
	bus_space_write_1((r)->r_bustag, (r)->r_bushandle, (o), (v))
#define bus_write_2(r, o, v) \
	bus_space_write_2((r)->r_bustag, (r)->r_bushandle, (o), (v))
#define bus_write_4(r, o, v) \
	bus_space_write_4((r)->r_bustag, (r)->r_bushandle, (o), (v))

#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_BUS_H */
