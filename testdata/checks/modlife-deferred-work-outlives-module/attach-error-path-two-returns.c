/*
 * As attach-error-path-callout.c, but the failure path returns early from
 * the middle of its run of cleanups. Both returns fail with the callout
 * armed, so one drain at the start of the run, before mtx_destroy(),
 * serves both: the early return needs none of its own.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/callout.h>

struct acmefan_softc {
	device_t sc_dev;
	struct mtx sc_mtx;
	struct callout sc_tick;
	struct resource *sc_irq;
	void *sc_intrhand;
	int sc_irq_rid;
	int sc_speed;
};

static void
acmefan_tick(void *arg)
{
	struct acmefan_softc *sc = arg;

	sc->sc_speed++;
	callout_reset(&sc->sc_tick, hz, acmefan_tick, sc);
}

static void
acmefan_intr(void *arg)
{
	struct acmefan_softc *sc = arg;

	sc->sc_speed = 0;
}

static int
acmefan_attach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);
	int error;

	sc->sc_dev = dev;
	sc->sc_irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &sc->sc_irq_rid,
	    RF_ACTIVE);
	if (sc->sc_irq == NULL)
		return (ENXIO);
	mtx_init(&sc->sc_mtx, "acmefan", NULL, MTX_DEF);
	callout_init_mtx(&sc->sc_tick, &sc->sc_mtx, 0);
	callout_reset(&sc->sc_tick, hz, acmefan_tick, sc); /* expected-warning {{callout 'sc->sc_tick' runs 'acmefan_tick' from this module, but 'acmefan_attach' can fail with it still armed; the state of a device whose attach fails is freed, and 'acmefan_tick' can use it after that}} */
	error = bus_setup_intr(dev, sc->sc_irq, INTR_TYPE_MISC | INTR_MPSAFE,
	    NULL, acmefan_intr, sc, &sc->sc_intrhand);
	if (error != 0)
		goto fail;
	return (0);

fail:
	mtx_destroy(&sc->sc_mtx);
	if (sc->sc_speed < 0)
		return (error); /* expected-note {{'acmefan_attach' fails here without draining 'sc->sc_tick'}} */
	bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid, sc->sc_irq);
	return (error); /* expected-note {{'acmefan_attach' fails here without draining 'sc->sc_tick'}} */
}

static int
acmefan_detach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);

	callout_drain(&sc->sc_tick);
	bus_teardown_intr(dev, sc->sc_irq, sc->sc_intrhand);
	bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid, sc->sc_irq);
	mtx_destroy(&sc->sc_mtx);
	return (0);
}

static device_method_t acmefan_methods[] = {
	DEVMETHOD(device_attach, acmefan_attach), /* expected-note {{'acmefan_attach' is the device_attach method}} */
	DEVMETHOD(device_detach, acmefan_detach),
	DEVMETHOD_END
};

static driver_t acmefan_driver = {
	"acmefan",
	acmefan_methods,
	sizeof(struct acmefan_softc)
};

DRIVER_MODULE(acmefan, pci, acmefan_driver, NULL, NULL);
