/*
 * callout_stop() in detach, then mtx_destroy(): a handler running on
 * another CPU uses the destroyed mutex. The fix renames it callout_drain().
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/callout.h>
#include <sys/rman.h>
#include <machine/bus.h>

#define ACMETEMP_REG_TEMP 0x04

struct acmetemp_softc {
	device_t sc_dev;
	struct mtx sc_mtx;
	struct callout sc_tick;
	struct resource *sc_mem;
	int sc_mem_rid;
	uint32_t sc_last;
};

static void
acmetemp_tick(void *arg)
{
	struct acmetemp_softc *sc = arg;

	mtx_lock(&sc->sc_mtx);
	sc->sc_last = bus_read_4(sc->sc_mem, ACMETEMP_REG_TEMP);
	mtx_unlock(&sc->sc_mtx);
	callout_reset(&sc->sc_tick, hz, acmetemp_tick, sc);
}

static int
acmetemp_probe(device_t dev)
{
	device_set_desc(dev, "Acme temperature sensor");
	return (BUS_PROBE_DEFAULT);
}

static int
acmetemp_attach(device_t dev)
{
	struct acmetemp_softc *sc = device_get_softc(dev);

	sc->sc_dev = dev;
	sc->sc_mem_rid = 0x10;
	sc->sc_mem = bus_alloc_resource_any(dev, SYS_RES_MEMORY,
	    &sc->sc_mem_rid, RF_ACTIVE);
	if (sc->sc_mem == NULL)
		return (ENXIO);
	mtx_init(&sc->sc_mtx, "acmetemp", NULL, MTX_DEF);
	callout_init(&sc->sc_tick, 1);
	callout_reset(&sc->sc_tick, hz, acmetemp_tick, sc); /* expected-warning {{callout 'sc->sc_tick' runs 'acmetemp_tick' from this module, but 'acmetemp_detach' cancels it without waiting and then frees what it uses; a running 'acmetemp_tick' can use freed state}} */
	return (0);
}

static int
acmetemp_detach(device_t dev)
{
	struct acmetemp_softc *sc = device_get_softc(dev);

	callout_stop(&sc->sc_tick); /* expected-note {{'callout_stop' does not wait for a running 'acmetemp_tick'; 'callout_drain' does}} */
	mtx_destroy(&sc->sc_mtx); /* expected-note {{'mtx_destroy' then frees '&sc->sc_mtx' while 'acmetemp_tick' may still run}} */
	bus_release_resource(dev, SYS_RES_MEMORY, sc->sc_mem_rid, sc->sc_mem);
	return (0);
}

static device_method_t acmetemp_methods[] = {
	DEVMETHOD(device_probe, acmetemp_probe),
	DEVMETHOD(device_attach, acmetemp_attach),
	DEVMETHOD(device_detach, acmetemp_detach), /* expected-note {{'acmetemp_detach' is the device_detach method}} */
	DEVMETHOD_END
};

static driver_t acmetemp_driver = {
	"acmetemp",
	acmetemp_methods,
	sizeof(struct acmetemp_softc)
};

DRIVER_MODULE(acmetemp, pci, acmetemp_driver, NULL, NULL);
MODULE_VERSION(acmetemp, 1);
