/*
 * error-path pair leak, correct twin of epl-device-busy-leak.c.
 * CORRECT: open unbusies the device when waking the hardware fails, so
 * a failed open leaves nothing for close (which devfs will not call) to
 * undo, and detach and unload stay possible.
 * Report: none
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

	device_busy(sc->sc_dev);
	error = acmeadc_power_up(sc);
	if (error != 0) {
		device_unbusy(sc->sc_dev);
		return (error);
	}
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
