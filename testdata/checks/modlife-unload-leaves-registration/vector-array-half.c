/*
 * modlife-unload-leaves-registration: the twin of vector-array.c whose
 * detach tears down only vec[0]: an index that is a constant covers only
 * its own element, so vec[1]'s handler is left in place.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>
#include <machine/bus.h>

struct vec {
	struct resource *res;
	void *tag;
};

struct mq_softc {
	struct vec vec[2];
};

static void mq_intr(void *arg) { }

static int
half_attach(device_t dev)
{
	struct mq_softc *sc = device_get_softc(dev);

	bus_setup_intr(dev, sc->vec[0].res, INTR_TYPE_NET, NULL, mq_intr, sc,
	    &sc->vec[0].tag);
	/* expected-warning@+1 {{'bus_setup_intr' makes an interrupt handler that detach never undoes ('bus_teardown_intr' of 'sc->vec[1].tag')}} */
	bus_setup_intr(dev, sc->vec[1].res, INTR_TYPE_NET, NULL, mq_intr, sc,
	    &sc->vec[1].tag);
	return (0);
}

static int
half_detach(device_t dev)
{
	struct mq_softc *sc = device_get_softc(dev);

	bus_teardown_intr(dev, sc->vec[0].res, sc->vec[0].tag);
	return (0); /* expected-note {{'half_detach' returns with the interrupt handler still in place; call 'bus_teardown_intr' before it returns}} */
}

static device_method_t half_methods[] = {
	DEVMETHOD(device_attach, half_attach),
	DEVMETHOD(device_detach, half_detach),
	DEVMETHOD_END
};
static driver_t half_driver = { "half", half_methods, sizeof(struct mq_softc) };
DRIVER_MODULE(half, pci, half_driver, NULL, NULL);
