/*
 * A softc callout that detach neither stops nor drains. The item is rooted
 * in sc, which detach derives from dev as attach does, so the fix inserts
 * callout_drain(&sc->sc_tick) before the first free of detach.
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

struct acmefan_softc {
	device_t sc_dev;
	struct mtx sc_mtx;
	struct callout sc_tick;
	int sc_speed;
};

static void
acmefan_tick(void *arg)
{
	struct acmefan_softc *sc = arg;

	sc->sc_speed++;
	callout_reset(&sc->sc_tick, hz, acmefan_tick, sc);
}

static int
acmefan_attach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);

	sc->sc_dev = dev;
	mtx_init(&sc->sc_mtx, "acmefan", NULL, MTX_DEF);
	callout_init_mtx(&sc->sc_tick, &sc->sc_mtx, 0);
	callout_reset(&sc->sc_tick, hz, acmefan_tick, sc); /* expected-warning {{callout 'sc->sc_tick' runs 'acmefan_tick' from this module, but 'acmefan_detach' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
	return (0);
}

static int
acmefan_detach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);

	callout_drain(&sc->sc_tick);
	mtx_destroy(&sc->sc_mtx);
	return (0); /* expected-note {{'acmefan_detach' returns without draining 'sc->sc_tick'}} */
}

static device_method_t acmefan_methods[] = {
	DEVMETHOD(device_attach, acmefan_attach),
	DEVMETHOD(device_detach, acmefan_detach), /* expected-note {{'acmefan_detach' is the device_detach method}} */
	DEVMETHOD_END
};

static driver_t acmefan_driver = {
	"acmefan",
	acmefan_methods,
	sizeof(struct acmefan_softc)
};

DRIVER_MODULE(acmefan, pci, acmefan_driver, NULL, NULL);
