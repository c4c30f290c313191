/*
 * modlife-unload-leaves-registration: registrations made in attach, some
 * through helpers, and what detach (also through helpers) undoes. The
 * interrupt is set up with "&(sc->ih)" and torn down with "(sc->ih)": the
 * handle matches without '&', casts and parentheses. The cdev is made
 * with make_dev_s() into sc->cdev and never destroyed; the second cdev's
 * handle is thrown away, so nothing can destroy it.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/rman.h>

struct foo_softc {
	device_t dev;
	struct resource *irq;
	int irq_rid;
	void *ih;
	struct cdev *cdev;
};

static struct cdevsw foo_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "foo",
};

static void
foo_intr(void *arg)
{
}

static int
foo_setup_intr(struct foo_softc *sc)
{
	return (bus_setup_intr(sc->dev, sc->irq, INTR_TYPE_MISC | INTR_MPSAFE,
	    NULL, foo_intr, sc, (void **)&(sc->ih)));
}

static void
foo_teardown_intr(struct foo_softc *sc)
{
	(void)bus_teardown_intr(sc->dev, sc->irq, (sc->ih));
}

static int
foo_attach(device_t dev)
{
	struct foo_softc *sc = device_get_softc(dev);
	struct make_dev_args args;
	int error;

	sc->dev = dev;
	sc->irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &sc->irq_rid,
	    RF_ACTIVE);
	if (sc->irq == NULL)
		return (ENXIO);
	error = foo_setup_intr(sc);
	if (error != 0)
		return (error);
	make_dev_args_init(&args);
	args.mda_devsw = &foo_cdevsw;
	args.mda_si_drv1 = sc;
	/* expected-warning@+1 {{'make_dev_s' makes a cdev that detach never undoes ('destroy_dev' of 'sc->cdev')}} */
	error = make_dev_s(&args, &sc->cdev, "foo%d", device_get_unit(dev));
	if (error != 0)
		return (error);
	/* expected-warning@+1 {{'make_dev' makes a cdev whose handle is not kept, so detach cannot undo it}} */
	make_dev(&foo_cdevsw, 1, UID_ROOT, GID_WHEEL, 0600, "foo%dctl",
	    device_get_unit(dev));
	return (0);
}

static int
foo_detach(device_t dev)
{
	struct foo_softc *sc = device_get_softc(dev);

	foo_teardown_intr(sc);
	/* expected-note@+2 {{'foo_detach' returns with the cdev still in place; call 'destroy_dev(sc->cdev)' before it returns}} */
	/* expected-note@+1 {{'foo_detach' returns with the cdev still in place; call 'destroy_dev' before it returns}} */
	return (bus_release_resource(dev, SYS_RES_IRQ, sc->irq_rid, sc->irq));
}

static device_method_t foo_methods[] = {
	DEVMETHOD(device_attach, foo_attach),
	DEVMETHOD(device_detach, foo_detach),
	DEVMETHOD_END
};

static driver_t foo_driver = { "foo", foo_methods, sizeof(struct foo_softc) };
DRIVER_MODULE(foo, pci, foo_driver, NULL, NULL);
