/*
 * modlife test mock of the FreeBSD bus_if.h, which the build generates
 * from kern/bus_if.m: a few bus methods' descriptors and types.
 */
#ifndef _MOCKFBSD_BUS_IF_H
#define _MOCKFBSD_BUS_IF_H

/* The generated headers assume <sys/bus.h>; this one asks for it itself. */
#include <sys/bus.h>

struct resource;

extern struct kobjop_desc bus_print_child_desc;
typedef int bus_print_child_t(device_t _dev, device_t _child);

extern struct kobjop_desc bus_child_detached_desc;
typedef void bus_child_detached_t(device_t _dev, device_t _child);

extern struct kobjop_desc bus_driver_added_desc;
typedef void bus_driver_added_t(device_t _dev, driver_t *_driver);

extern struct kobjop_desc bus_alloc_resource_desc;
typedef struct resource *bus_alloc_resource_t(device_t _dev, device_t _child,
    int _type, int *_rid, rman_res_t _start, rman_res_t _end,
    rman_res_t _count, u_int _flags);

extern struct kobjop_desc bus_setup_intr_desc;
typedef int bus_setup_intr_t(device_t _dev, device_t _child,
    struct resource *_irq, int _flags, driver_filter_t *_filter,
    driver_intr_t *_intr, void *_arg, void **_cookiep);

extern struct kobjop_desc bus_teardown_intr_desc;
typedef int bus_teardown_intr_t(device_t _dev, device_t _child,
    struct resource *_irq, void *_cookie);

/*
 * For each method the generated header also writes its caller: a static
 * inline function named after the method in capitals that looks the
 * method up in the object's class and calls it. bus_setup_intr(dev, ...)
 * is BUS_SETUP_INTR(device_get_parent(dev), dev, ...); drivers and bus
 * drivers call these directly too.
 */
static __inline int
BUS_SETUP_INTR(device_t _dev, device_t _child, struct resource *_irq,
    int _flags, driver_filter_t *_filter, driver_intr_t *_intr, void *_arg,
    void **_cookiep)
{
	kobj_method_t *_m = kobj_lookup_method(((kobj_t)_dev)->ops->cls, NULL,
	    &bus_setup_intr_desc);

	return (((bus_setup_intr_t *)_m->func)(_dev, _child, _irq, _flags,
	    _filter, _intr, _arg, _cookiep));
}

static __inline int
BUS_TEARDOWN_INTR(device_t _dev, device_t _child, struct resource *_irq,
    void *_cookie)
{
	kobj_method_t *_m = kobj_lookup_method(((kobj_t)_dev)->ops->cls, NULL,
	    &bus_teardown_intr_desc);

	return (((bus_teardown_intr_t *)_m->func)(_dev, _child, _irq,
	    _cookie));
}

#endif /* _MOCKFBSD_BUS_IF_H */
