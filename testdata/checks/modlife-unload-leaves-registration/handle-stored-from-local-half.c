/*
 * modlife-unload-leaves-registration: the twin of handle-stored-from-local.c
 * whose detach destroys only dev2. Each cdev is followed from its make_dev
 * only up to where the local is assigned again, so the first cdev is in
 * dev1 alone and is reported under that name (followed further, it would
 * be in dev2 too, and taken as destroyed). So is a make_dev_s() whose
 * local goes into a field detach never destroys.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

struct halftape_softc {
	struct cdev *dev1;
	struct cdev *dev2;
	struct cdev *ctl;
};

static struct cdevsw tape_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "tape",
};

static int
halftape_attach(device_t dev)
{
	struct halftape_softc *stp = device_get_softc(dev);
	struct make_dev_args args;
	struct cdev *device;
	int error;

	/* expected-warning@+1 {{'make_dev' makes a cdev that detach never undoes ('destroy_dev' of 'stp->dev1')}} */
	device = make_dev(&tape_cdevsw, 0, UID_ROOT, GID_OPERATOR, 0640,
	    "htape%d", device_get_unit(dev));
	stp->dev1 = device;
	device = make_dev(&tape_cdevsw, 1, UID_ROOT, GID_OPERATOR, 0640,
	    "nhtape%d", device_get_unit(dev));
	stp->dev2 = device;
	make_dev_args_init(&args);
	args.mda_devsw = &tape_cdevsw;
	/* expected-warning@+1 {{'make_dev_s' makes a cdev that detach never undoes ('destroy_dev' of 'stp->ctl')}} */
	error = make_dev_s(&args, &device, "htapectl%d", device_get_unit(dev));
	if (error != 0)
		return (error);
	stp->ctl = device;
	return (0);
}

static int
halftape_detach(device_t dev)
{
	struct halftape_softc *stp = device_get_softc(dev);

	destroy_dev(stp->dev2);
	/* expected-note@+2 {{'halftape_detach' returns with the cdev still in place; call 'destroy_dev(stp->dev1)' before it returns}} */
	/* expected-note@+1 {{'halftape_detach' returns with the cdev still in place; call 'destroy_dev(stp->ctl)' before it returns}} */
	return (0);
}

static device_method_t halftape_methods[] = {
	DEVMETHOD(device_attach, halftape_attach),
	DEVMETHOD(device_detach, halftape_detach),
	DEVMETHOD_END
};

static driver_t halftape_driver = { "halftape", halftape_methods,
    sizeof(struct halftape_softc) };
DRIVER_MODULE(halftape, ata, halftape_driver, NULL, NULL);
