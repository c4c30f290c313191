/*
 * modlife-missing-release-on-error, FreeBSD, no finding: attach's error
 * path calls the driver's own detach, which tears down the interrupt and
 * destroys the cdev whatever attach got to (the common newbus idiom). The
 * handles are the softc's; the helper names them through its own softc.
 * Also: a release guarded by a test of the handle ("if (sc->cdev != NULL)")
 * holds nothing on the branch where the handle is null.
 * expected-no-diagnostics
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

struct lamp_softc {
	device_t dev;
	struct resource *irq;
	void *intrhand;
	struct cdev *cdev;
};

static struct cdevsw lamp_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "lamp",
};

static void
lamp_intr(void *arg)
{
}

static int
lamp_hw_init(struct lamp_softc *sc)
{
	return (sc->irq == NULL ? ENXIO : 0);
}

static int
lamp_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
lamp_detach(device_t dev)
{
	struct lamp_softc *sc = device_get_softc(dev);

	if (sc->intrhand != NULL)
		bus_teardown_intr(dev, sc->irq, sc->intrhand);
	if (sc->cdev != NULL)
		destroy_dev(sc->cdev);
	return (0);
}

static int
lamp_attach(device_t dev)
{
	struct lamp_softc *sc = device_get_softc(dev);
	struct make_dev_args args;
	int error;

	sc->dev = dev;
	error = bus_setup_intr(dev, sc->irq, INTR_TYPE_MISC | INTR_MPSAFE,
	    NULL, lamp_intr, sc, &sc->intrhand);
	if (error != 0)
		return (error);
	make_dev_args_init(&args);
	args.mda_devsw = &lamp_cdevsw;
	args.mda_si_drv1 = sc;
	error = make_dev_s(&args, &sc->cdev, "lamp%d", device_get_unit(dev));
	if (error != 0) {
		lamp_detach(dev);
		return (error);
	}
	error = lamp_hw_init(sc);
	if (error != 0)
		goto fail;
	return (0);
fail:
	if (sc->cdev != NULL)
		destroy_dev(sc->cdev);
	bus_teardown_intr(dev, sc->irq, sc->intrhand);
	return (error);
}

static device_method_t lamp_methods[] = {
	DEVMETHOD(device_probe, lamp_probe),
	DEVMETHOD(device_attach, lamp_attach),
	DEVMETHOD(device_detach, lamp_detach),
	DEVMETHOD_END
};

static driver_t lamp_driver = { "lamp", lamp_methods, sizeof(struct lamp_softc) };
DRIVER_MODULE(lamp, pci, lamp_driver, NULL, NULL);
