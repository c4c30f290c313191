/*
 * Failure paths of attach that leave nothing armed:
 * - acmeled fails before it arms its callout, and on the later failure
 *   calls its own detach, which drains the callout;
 * - acmebtn only prepares its task with TASK_INIT (the pack's arms: false):
 *   nothing is queued until the interrupt handler runs, and the failure
 *   comes before the interrupt is set up;
 * - acmebtn's poll callout is global state: a failed attach does not free
 *   it, and the module's unload drains it.
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
#include <sys/taskqueue.h>
/* expected-no-diagnostics */

struct acmeled_softc {
	device_t sc_dev;
	struct mtx sc_mtx;
	struct callout sc_blink;
	struct resource *sc_mem;
	int sc_mem_rid;
	int sc_on;
};

static void
acmeled_blink(void *arg)
{
	struct acmeled_softc *sc = arg;

	sc->sc_on = !sc->sc_on;
	callout_reset(&sc->sc_blink, hz, acmeled_blink, sc);
}

static int acmeled_detach(device_t dev);

static int
acmeled_attach(device_t dev)
{
	struct acmeled_softc *sc = device_get_softc(dev);

	sc->sc_dev = dev;
	mtx_init(&sc->sc_mtx, "acmeled", NULL, MTX_DEF);
	callout_init_mtx(&sc->sc_blink, &sc->sc_mtx, 0);
	sc->sc_mem = bus_alloc_resource_any(dev, SYS_RES_MEMORY,
	    &sc->sc_mem_rid, RF_ACTIVE);
	if (sc->sc_mem == NULL) {
		mtx_destroy(&sc->sc_mtx);
		return (ENXIO);
	}
	callout_reset(&sc->sc_blink, hz, acmeled_blink, sc);
	if (device_get_unit(dev) > 4) {
		acmeled_detach(dev);
		return (ENXIO);
	}
	return (0);
}

static int
acmeled_detach(device_t dev)
{
	struct acmeled_softc *sc = device_get_softc(dev);

	callout_drain(&sc->sc_blink);
	if (sc->sc_mem != NULL)
		bus_release_resource(dev, SYS_RES_MEMORY, sc->sc_mem_rid,
		    sc->sc_mem);
	mtx_destroy(&sc->sc_mtx);
	return (0);
}

static device_method_t acmeled_methods[] = {
	DEVMETHOD(device_attach, acmeled_attach),
	DEVMETHOD(device_detach, acmeled_detach),
	DEVMETHOD_END
};

static driver_t acmeled_driver = {
	"acmeled",
	acmeled_methods,
	sizeof(struct acmeled_softc)
};

DRIVER_MODULE(acmeled, pci, acmeled_driver, NULL, NULL);

struct acmebtn_softc {
	device_t sc_dev;
	struct resource *sc_irq;
	void *sc_intrhand;
	int sc_irq_rid;
	struct task sc_press;
	int sc_presses;
};

static struct callout acmebtn_poll;
static int acmebtn_polls;

static void
acmebtn_poll_tick(void *arg)
{
	acmebtn_polls++;
	callout_reset(&acmebtn_poll, hz, acmebtn_poll_tick, NULL);
}

static void
acmebtn_press(void *arg, int pending)
{
	struct acmebtn_softc *sc = arg;

	sc->sc_presses += pending;
}

static void
acmebtn_intr(void *arg)
{
	struct acmebtn_softc *sc = arg;

	taskqueue_enqueue(taskqueue_thread, &sc->sc_press);
}

static int
acmebtn_attach(device_t dev)
{
	struct acmebtn_softc *sc = device_get_softc(dev);
	int error;

	sc->sc_dev = dev;
	callout_reset(&acmebtn_poll, hz, acmebtn_poll_tick, NULL);
	TASK_INIT(&sc->sc_press, 0, acmebtn_press, sc);
	sc->sc_irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &sc->sc_irq_rid,
	    RF_ACTIVE);
	if (sc->sc_irq == NULL)
		return (ENXIO);
	error = bus_setup_intr(dev, sc->sc_irq, INTR_TYPE_MISC | INTR_MPSAFE,
	    NULL, acmebtn_intr, sc, &sc->sc_intrhand);
	if (error != 0) {
		bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid,
		    sc->sc_irq);
		return (error);
	}
	return (0);
}

static int
acmebtn_detach(device_t dev)
{
	struct acmebtn_softc *sc = device_get_softc(dev);

	bus_teardown_intr(dev, sc->sc_irq, sc->sc_intrhand);
	taskqueue_drain(taskqueue_thread, &sc->sc_press);
	bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid, sc->sc_irq);
	return (0);
}

static device_method_t acmebtn_methods[] = {
	DEVMETHOD(device_attach, acmebtn_attach),
	DEVMETHOD(device_detach, acmebtn_detach),
	DEVMETHOD_END
};

static driver_t acmebtn_driver = {
	"acmebtn",
	acmebtn_methods,
	sizeof(struct acmebtn_softc)
};

static int
acmebtn_modevent(module_t mod, int what, void *arg)
{
	switch (what) {
	case MOD_LOAD:
		callout_init(&acmebtn_poll, 1);
		return (0);
	case MOD_UNLOAD:
		callout_drain(&acmebtn_poll);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DRIVER_MODULE(acmebtn, pci, acmebtn_driver, acmebtn_modevent, NULL);
