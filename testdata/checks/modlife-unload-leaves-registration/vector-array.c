/*
 * modlife-unload-leaves-registration: a driver with one interrupt per
 * queue sets the handlers up one by one (vec[0], vec[1]) and tears them
 * down in a loop over the array (vec[i]); the loop covers every element
 * (FreeBSD 9.3's bxe, nfe, oce and vxge were reported before).
 * vector-array-half.c is the driver that leaves vec[1] in place.
 * modlife-mock: freebsd
 * expected-no-diagnostics
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
mq_attach(device_t dev)
{
	struct mq_softc *sc = device_get_softc(dev);
	int error;

	error = bus_setup_intr(dev, sc->vec[0].res, INTR_TYPE_NET | INTR_MPSAFE,
	    NULL, mq_intr, sc, &sc->vec[0].tag);
	if (error != 0)
		return (error);
	return (bus_setup_intr(dev, sc->vec[1].res, INTR_TYPE_NET | INTR_MPSAFE,
	    NULL, mq_intr, sc, &sc->vec[1].tag));
}

static int
mq_detach(device_t dev)
{
	struct mq_softc *sc = device_get_softc(dev);
	int i;

	for (i = 0; i < 2; i++)
		bus_teardown_intr(dev, sc->vec[i].res, sc->vec[i].tag);
	return (0);
}

static device_method_t mq_methods[] = {
	DEVMETHOD(device_attach, mq_attach),
	DEVMETHOD(device_detach, mq_detach),
	DEVMETHOD_END
};
static driver_t mq_driver = { "mq", mq_methods, sizeof(struct mq_softc) };
DRIVER_MODULE(mq, pci, mq_driver, NULL, NULL);

