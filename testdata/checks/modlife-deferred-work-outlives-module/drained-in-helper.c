/*
 * Detach drains the callout in a helper of this file: the helper's body
 * counts as part of the teardown. Nothing to report.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/callout.h>

struct acmefan_softc {
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

static void
acmefan_stop(struct acmefan_softc *sc)
{
	callout_drain(&sc->sc_tick);
}

static int
acmefan_attach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);

	mtx_init(&sc->sc_mtx, "acmefan", NULL, MTX_DEF);
	callout_init_mtx(&sc->sc_tick, &sc->sc_mtx, 0);
	callout_reset(&sc->sc_tick, hz, acmefan_tick, sc);
	return (0);
}

static int
acmefan_detach(device_t dev)
{
	struct acmefan_softc *sc = device_get_softc(dev);

	acmefan_stop(sc);
	mtx_destroy(&sc->sc_mtx);
	return (0);
}

static device_method_t acmefan_methods[] = {
	DEVMETHOD(device_attach, acmefan_attach),
	DEVMETHOD(device_detach, acmefan_detach),
	DEVMETHOD_END
};

static driver_t acmefan_driver = {
	"acmefan",
	acmefan_methods,
	sizeof(struct acmefan_softc)
};

DRIVER_MODULE(acmefan, pci, acmefan_driver, NULL, NULL);
