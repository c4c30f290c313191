/*
 * unload-leaves-registration, correct twin of ulr-intr-no-teardown.c.
 * CORRECT: detach calls bus_teardown_intr(), which waits for a running
 * handler, before it releases the IRQ and the DMA tag; attach undoes
 * each step on its failure paths.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>
#include <machine/bus.h>

struct acmeio_softc {
	device_t sc_dev;
	struct resource *sc_irq;
	int sc_irq_rid;
	void *sc_ih;
	bus_dma_tag_t sc_dmat;
	u_long sc_intrs;
};

static int
acmeio_filter(void *arg)
{
	struct acmeio_softc *sc = arg;

	sc->sc_intrs++;
	return (FILTER_HANDLED);
}

static int
acmeio_probe(device_t dev)
{
	device_set_desc(dev, "Acme I/O controller");
	return (BUS_PROBE_DEFAULT);
}

static int
acmeio_attach(device_t dev)
{
	struct acmeio_softc *sc = device_get_softc(dev);
	int error;

	sc->sc_dev = dev;
	error = bus_dma_tag_create(bus_get_dma_tag(dev), 4, 0,
	    BUS_SPACE_MAXADDR_32BIT, BUS_SPACE_MAXADDR, NULL, NULL,
	    PAGE_SIZE, 1, PAGE_SIZE, BUS_DMA_NOWAIT, NULL, NULL, &sc->sc_dmat);
	if (error != 0)
		return (error);
	sc->sc_irq_rid = 0;
	sc->sc_irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &sc->sc_irq_rid,
	    RF_ACTIVE | RF_SHAREABLE);
	if (sc->sc_irq == NULL) {
		error = ENXIO;
		goto fail_dma;
	}
	error = bus_setup_intr(dev, sc->sc_irq, INTR_TYPE_MISC | INTR_MPSAFE,
	    acmeio_filter, NULL, sc, &sc->sc_ih);
	if (error != 0)
		goto fail_irq;
	bus_describe_intr(dev, sc->sc_irq, sc->sc_ih, "io");
	return (0);

fail_irq:
	bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid, sc->sc_irq);
fail_dma:
	bus_dma_tag_destroy(sc->sc_dmat);
	return (error);
}

static int
acmeio_detach(device_t dev)
{
	struct acmeio_softc *sc = device_get_softc(dev);

	bus_teardown_intr(dev, sc->sc_irq, sc->sc_ih);
	bus_release_resource(dev, SYS_RES_IRQ, sc->sc_irq_rid, sc->sc_irq);
	bus_dma_tag_destroy(sc->sc_dmat);
	return (0);
}

static device_method_t acmeio_methods[] = {
	DEVMETHOD(device_probe, acmeio_probe),
	DEVMETHOD(device_attach, acmeio_attach),
	DEVMETHOD(device_detach, acmeio_detach),
	DEVMETHOD_END
};

static driver_t acmeio_driver = {
	"acmeio",
	acmeio_methods,
	sizeof(struct acmeio_softc)
};

DRIVER_MODULE(acmeio, pci, acmeio_driver, NULL, NULL);
MODULE_VERSION(acmeio, 1);
