/*
 * modlife-missing-release-on-error, FreeBSD: a helper takes a resource,
 * stores it in the softc and fails; its caller's error path releases what
 * the softc holds (the shape of FreeBSD 9.3's xbb_open_dev() and
 * ixgbe_allocate_msix(), whose callers run xbb_close_backend() and
 * ixgbe_free_pci_resources()). Not a finding. The same helper shape with
 * a caller that releases no interrupt handler is reported
 * (ring_setup_intr2, called from resume). A caller that releases any
 * interrupt handler counts, whichever handle it names.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>

struct ring_softc {
	device_t dev;
	struct resource *irq;
	void *intrhand;
	struct resource *irq2;
	void *intrhand2;
	int ready;
};

static void
ring_intr(void *arg)
{
}

static int
ring_hw_reset(struct ring_softc *sc)
{
	return (sc->ready ? 0 : EIO);
}

static int
ring_alloc_intr(struct ring_softc *sc)
{
	int error;

	error = bus_setup_intr(sc->dev, sc->irq, INTR_TYPE_NET | INTR_MPSAFE,
	    NULL, ring_intr, sc, &sc->intrhand);
	if (error != 0)
		return (error);
	return (ring_hw_reset(sc));
}

static void
ring_free_resources(struct ring_softc *sc)
{
	if (sc->intrhand != NULL)
		bus_teardown_intr(sc->dev, sc->irq, sc->intrhand);
}

static int
ring_setup_intr2(struct ring_softc *sc)
{
	int error;

	error = bus_setup_intr(sc->dev, sc->irq2, INTR_TYPE_NET | INTR_MPSAFE,
	    NULL, ring_intr, sc, &sc->intrhand2); /* expected-note@-1 {{the interrupt handler is taken here, when 'bus_setup_intr' succeeds}} */
	if (error != 0)
		return (error);
	if (ring_hw_reset(sc) != 0)
		return (EIO); /* expected-warning {{failure return keeps the interrupt handler taken by 'bus_setup_intr'}} */
	return (0);
}

static int
ring_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
ring_attach(device_t dev)
{
	struct ring_softc *sc = device_get_softc(dev);
	int error;

	sc->dev = dev;
	error = ring_alloc_intr(sc);
	if (error != 0) {
		ring_free_resources(sc);
		return (error);
	}
	return (0);
}

static int
ring_resume(device_t dev)
{
	return (ring_setup_intr2(device_get_softc(dev)));
}

static int
ring_detach(device_t dev)
{
	struct ring_softc *sc = device_get_softc(dev);

	ring_free_resources(sc);
	if (sc->intrhand2 != NULL)
		bus_teardown_intr(dev, sc->irq2, sc->intrhand2);
	return (0);
}

static device_method_t ring_methods[] = {
	DEVMETHOD(device_probe, ring_probe),
	DEVMETHOD(device_attach, ring_attach),
	DEVMETHOD(device_detach, ring_detach),
	DEVMETHOD(device_resume, ring_resume),
	DEVMETHOD_END
};

static driver_t ring_driver = { "ring", ring_methods, sizeof(struct ring_softc) };
DRIVER_MODULE(ring, pci, ring_driver, NULL, NULL);
