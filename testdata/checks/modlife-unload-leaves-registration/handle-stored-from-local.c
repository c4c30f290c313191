/*
 * modlife-unload-leaves-registration: a handle put in a local and then
 * stored in a field is the field's. FreeBSD 9.3's atapi-tape.c reuses one
 * local for two cdevs, "device = make_dev(...); stp->dev1 = device;" and
 * again for stp->dev2, and its detach destroys both; both were reported
 * before (run 7). No warnings; handle-stored-from-local-half.c is the twin
 * whose detach destroys only one.
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

struct tape_softc {
	struct cdev *dev1;
	struct cdev *dev2;
	struct cdev *ctl;
};

static struct cdevsw tape_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "tape",
};

static int
tape_attach(device_t dev)
{
	struct tape_softc *stp = device_get_softc(dev);
	struct cdev *device;

	device = make_dev(&tape_cdevsw, 0, UID_ROOT, GID_OPERATOR, 0640,
	    "tape%d", device_get_unit(dev));
	device->si_drv1 = dev;
	stp->dev1 = device;
	device = make_dev(&tape_cdevsw, 1, UID_ROOT, GID_OPERATOR, 0640,
	    "ntape%d", device_get_unit(dev));
	device->si_drv1 = dev;
	stp->dev2 = device;
	return (0);
}

static int
tape_detach(device_t dev)
{
	struct tape_softc *stp = device_get_softc(dev);

	destroy_dev(stp->dev1);
	destroy_dev(stp->dev2);
	return (0);
}

static device_method_t tape_methods[] = {
	DEVMETHOD(device_attach, tape_attach),
	DEVMETHOD(device_detach, tape_detach),
	DEVMETHOD_END
};

static driver_t tape_driver = { "tape", tape_methods,
    sizeof(struct tape_softc) };
DRIVER_MODULE(tape, ata, tape_driver, NULL, NULL);
