/*
 * modlife-unload-leaves-registration: the bus methods under
 * bus_setup_intr() and bus_teardown_intr(). FreeBSD 9.3's if_wl.c sets
 * its handler up with bus_setup_intr() and tears it down by calling the
 * method on its parent, "BUS_TEARDOWN_INTR(parent, device, sc->res_irq,
 * sc->intr_cookie)"; reported before (run 7). The freebsd pack pairs
 * BUS_SETUP_INTR with BUS_TEARDOWN_INTR, of the same 'what' as the
 * functions, so either release undoes either setup. A BUS_SETUP_INTR
 * that nothing tears down is reported.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>

struct wl_softc {
	struct resource *res_irq;
	void *intr_cookie;
	void *aux_cookie;
};

static void
wl_intr(void *arg)
{
}

static int
wl_attach(device_t device)
{
	struct wl_softc *sc = device_get_softc(device);
	int rid = 0;

	sc->res_irq = bus_alloc_resource_any(device, SYS_RES_IRQ, &rid,
	    RF_ACTIVE | RF_SHAREABLE);
	if (sc->res_irq == NULL)
		return (ENXIO);
	bus_setup_intr(device, sc->res_irq, INTR_TYPE_NET, NULL, wl_intr, sc,
	    &sc->intr_cookie);
	/* expected-warning@+1 {{'BUS_SETUP_INTR' makes an interrupt handler that detach never undoes ('BUS_TEARDOWN_INTR' of 'sc->aux_cookie')}} */
	BUS_SETUP_INTR(device_get_parent(device), device, sc->res_irq,
	    INTR_TYPE_NET, NULL, wl_intr, sc, &sc->aux_cookie);
	return (0);
}

static int
wl_detach(device_t device)
{
	struct wl_softc *sc = device_get_softc(device);
	device_t parent = device_get_parent(device);

	if (sc->intr_cookie != NULL) {
		BUS_TEARDOWN_INTR(parent, device, sc->res_irq, sc->intr_cookie);
		sc->intr_cookie = NULL;
	}
	/* expected-note@+1 {{'wl_detach' frees 'sc->res_irq', which the interrupt handler uses, with the interrupt handler still in place; call 'BUS_TEARDOWN_INTR' first}} */
	bus_release_resource(device, SYS_RES_IRQ, 0, sc->res_irq);
	return (0);
}

static device_method_t wl_methods[] = {
	DEVMETHOD(device_attach, wl_attach),
	DEVMETHOD(device_detach, wl_detach),
	DEVMETHOD_END
};

static driver_t wl_driver = { "wl", wl_methods, sizeof(struct wl_softc) };
DRIVER_MODULE(wl, isa, wl_driver, NULL, NULL);
