/*
 * error-path pair leak: device_busy() without device_unbusy() on an error.
 * BUG: open marks the device busy so that it cannot be detached (and the
 * driver unloaded) while it is open; close unbusies it. When waking the
 * hardware fails, open returns the error still busy, devfs never calls
 * close for a failed open, and the device can never be detached: the
 * module stays loaded for good.
 * Report: modlife-missing-release-on-error at epl-device-busy-leak.c:41
 * Note: epl-device-busy-leak.c:38 device_busy marks the device busy
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

struct acmeadc_softc {
	device_t sc_dev;
	struct cdev *sc_cdev;
	int sc_powered;
};

static int
acmeadc_power_up(struct acmeadc_softc *sc)
{
	sc->sc_powered = 1;
	return (0);
}

static int
acmeadc_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	struct acmeadc_softc *sc = dev->si_drv1;
	int error;

	device_busy(sc->sc_dev); /* note: marks the device busy */
	error = acmeadc_power_up(sc);
	if (error != 0)
		return (error); /* report: still busy after a failed open */
	return (0);
}

static int
acmeadc_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	struct acmeadc_softc *sc = dev->si_drv1;

	sc->sc_powered = 0;
	device_unbusy(sc->sc_dev);
	return (0);
}

static struct cdevsw acmeadc_cdevsw = {
	.d_version = D_VERSION,
	.d_open = acmeadc_open,
	.d_close = acmeadc_close,
	.d_name = "acmeadc",
};

static int
acmeadc_probe(device_t dev)
{
	device_set_desc(dev, "Acme ADC");
	return (BUS_PROBE_DEFAULT);
}

static int
acmeadc_attach(device_t dev)
{
	struct acmeadc_softc *sc = device_get_softc(dev);
	struct make_dev_args args;

	sc->sc_dev = dev;
	make_dev_args_init(&args);
	args.mda_devsw = &acmeadc_cdevsw;
	args.mda_uid = UID_ROOT;
	args.mda_gid = GID_OPERATOR;
	args.mda_mode = 0640;
	args.mda_si_drv1 = sc;
	return (make_dev_s(&args, &sc->sc_cdev, "acmeadc%d",
	    device_get_unit(dev)));
}

static int
acmeadc_detach(device_t dev)
{
	struct acmeadc_softc *sc = device_get_softc(dev);

	destroy_dev(sc->sc_cdev);
	return (0);
}

static device_method_t acmeadc_methods[] = {
	DEVMETHOD(device_probe, acmeadc_probe),
	DEVMETHOD(device_attach, acmeadc_attach),
	DEVMETHOD(device_detach, acmeadc_detach),
	DEVMETHOD_END
};

static driver_t acmeadc_driver = {
	"acmeadc",
	acmeadc_methods,
	sizeof(struct acmeadc_softc)
};

DRIVER_MODULE(acmeadc, pci, acmeadc_driver, NULL, NULL);
MODULE_VERSION(acmeadc, 1);
