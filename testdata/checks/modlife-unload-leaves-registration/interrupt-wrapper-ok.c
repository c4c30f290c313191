/*
 * modlife-unload-leaves-registration: interrupt set-ups whose handle goes
 * where the caller said, through the function's own out-parameter, as it
 * is. A bus driver's bus_setup_intr method sets up its child's handler on
 * its own parent (FreeBSD 9.3's ata-pci.c and siba_bwn.c), and an
 * exported wrapper does it for the driver that calls it (sound.c's
 * snd_setup_intr, reported before, run 7). The handle and its teardown
 * are the caller's. No warnings.
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>

int proxy_setup_intr_for(device_t dev, struct resource *res, int flags,
    driver_intr_t hand, void *param, void **cookiep);

static int
proxy_attach(device_t dev)
{
	return (0);
}

static int
proxy_detach(device_t dev)
{
	return (0);
}

static int
proxy_setup_intr(device_t dev, device_t child, struct resource *irq,
    int flags, driver_filter_t *filter, driver_intr_t *intr, void *arg,
    void **cookiep)
{
	return (BUS_SETUP_INTR(device_get_parent(dev), child, irq, flags,
	    filter, intr, arg, cookiep));
}

static int
proxy_teardown_intr(device_t dev, device_t child, struct resource *irq,
    void *cookie)
{
	return (BUS_TEARDOWN_INTR(device_get_parent(dev), child, irq, cookie));
}

/* For the drivers of this bus: they keep the cookie and tear it down. */
int
proxy_setup_intr_for(device_t dev, struct resource *res, int flags,
    driver_intr_t hand, void *param, void **cookiep)
{
	return (bus_setup_intr(dev, res, flags | INTR_MPSAFE, NULL, hand,
	    param, cookiep));
}

static device_method_t proxy_methods[] = {
	DEVMETHOD(device_attach, proxy_attach),
	DEVMETHOD(device_detach, proxy_detach),
	DEVMETHOD(bus_setup_intr, proxy_setup_intr),
	DEVMETHOD(bus_teardown_intr, proxy_teardown_intr),
	DEVMETHOD_END
};

static driver_t proxy_driver = { "proxy", proxy_methods, 0 };
DRIVER_MODULE(proxy, pci, proxy_driver, NULL, NULL);
