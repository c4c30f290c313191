/*
 * modlife-missing-release-on-error, FreeBSD, code the compiler could not
 * fully type. The port structure is defined in a header this build did
 * not parse (FreeBSD 9.3 cxgb_main.c has this shape when its build lacks
 * the driver's include directory), so every "pi->field" is an error with
 * no type. The helpers keep make_dev's cdev in such a field and return
 * ENOMEM when it is NULL: nothing is held on that return, no finding. The
 * null test must still count although the tested field has no type: the
 * handle is a pointer because make_dev returns one. A later failure
 * return, after the cdev was made, keeps it and is reported.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

struct mux_port; /* defined in the header the build did not find */

static struct cdevsw mux_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "mux",
};

static int
mux_makedev(struct mux_port *pi)
{
	pi->cdev = make_dev(&mux_cdevsw, pi->unit, /* expected-error 2 {{incomplete definition of type 'struct mux_port'}} */
	    UID_ROOT, GID_WHEEL, 0600, "mux%d", pi->unit); /* expected-error {{incomplete definition of type 'struct mux_port'}} */

	if (pi->cdev == NULL) /* expected-error {{incomplete definition of type 'struct mux_port'}} */
		return (ENOMEM);
	if (pi->flags & 1) /* expected-error {{incomplete definition of type 'struct mux_port'}} */
		return (EINVAL); /* expected-warning {{failure return keeps the cdev taken by 'make_dev'}} */
	pi->cdev->si_drv1 = pi; /* expected-error {{incomplete definition of type 'struct mux_port'}} */
	return (0);
}

static int
mux_makedev_ctl(struct mux_port *pi)
{
	pi->ctl = make_dev(&mux_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600, /* expected-error {{incomplete definition of type 'struct mux_port'}} */
	    "muxctl");
	if (!pi->ctl) /* expected-error {{incomplete definition of type 'struct mux_port'}} */
		return (ENOMEM);
	return (0);
}

static int
mux_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
mux_attach(device_t dev)
{
	struct mux_port *pi = device_get_softc(dev);
	int error;

	error = mux_makedev(pi);
	if (error != 0)
		return (error);
	return (mux_makedev_ctl(pi));
}

static device_method_t mux_methods[] = {
	DEVMETHOD(device_probe, mux_probe),
	DEVMETHOD(device_attach, mux_attach),
	DEVMETHOD_END
};

static driver_t mux_driver = { "mux", mux_methods, 64 };
DRIVER_MODULE(mux, pci, mux_driver, NULL, NULL);
