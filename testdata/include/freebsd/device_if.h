/*
 * modlife test mock of the FreeBSD device_if.h, which the build generates
 * from kern/device_if.m: the device methods' descriptors and types.
 */
#ifndef _MOCKFBSD_DEVICE_IF_H
#define _MOCKFBSD_DEVICE_IF_H

/* The generated headers assume <sys/bus.h>; this one asks for it itself. */
#include <sys/bus.h>

extern struct kobjop_desc device_probe_desc;
/* Returns a BUS_PROBE_* priority (<= 0) on a match, or an errno. */
typedef int device_probe_t(device_t dev);

extern struct kobjop_desc device_identify_desc;
typedef void device_identify_t(driver_t *driver, device_t parent);

extern struct kobjop_desc device_attach_desc;
typedef int device_attach_t(device_t dev);

/* A non-zero return vetoes the detach, and so the module's unload. */
extern struct kobjop_desc device_detach_desc;
typedef int device_detach_t(device_t dev);

extern struct kobjop_desc device_shutdown_desc;
typedef int device_shutdown_t(device_t dev);

extern struct kobjop_desc device_suspend_desc;
typedef int device_suspend_t(device_t dev);

extern struct kobjop_desc device_resume_desc;
typedef int device_resume_t(device_t dev);

/* Asked before a driver module unloads; EBUSY vetoes it. */
extern struct kobjop_desc device_quiesce_desc;
typedef int device_quiesce_t(device_t dev);

extern struct kobjop_desc device_register_desc;
typedef void *device_register_t(device_t dev);

#endif /* _MOCKFBSD_DEVICE_IF_H */
