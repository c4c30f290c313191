/*
 * modlife-unload-leaves-registration: a controller driver whose method
 * table has no device_detach (FreeBSD 9.3's ata-cbus.c, where the entry is
 * commented out) and a channel driver in the same file that has one. A
 * kobj method missing from the table runs its default, and device_detach
 * has none: detach fails with ENXIO, so the controller never detaches and
 * its interrupt handler cannot outlive it. The channel's cdev, made in an
 * attach that its detach undoes, is still reported. The controller's
 * handler was reported before (run 7).
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/rman.h>

struct cbus_softc {
	struct resource *irq;
	void *ih;
};

struct cbuschan_softc {
	struct cdev *cdev;
};

static struct cdevsw cbuschan_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "cbuschan",
};

static void
cbus_intr(void *arg)
{
}

static int
cbus_probe(device_t dev)
{
	return (0);
}

static int
cbus_attach(device_t dev)
{
	struct cbus_softc *sc = device_get_softc(dev);
	int rid = 0;

	sc->irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &rid, RF_ACTIVE);
	if (sc->irq == NULL)
		return (ENXIO);
	if (bus_setup_intr(dev, sc->irq, INTR_TYPE_BIO, NULL, cbus_intr, sc,
	    &sc->ih) != 0)
		return (ENXIO);
	return (0);
}

static device_method_t cbus_methods[] = {
	DEVMETHOD(device_probe, cbus_probe),
	DEVMETHOD(device_attach, cbus_attach),
	/* no device_detach: the controller cannot detach */
	DEVMETHOD_END
};

static driver_t cbus_driver = { "cbus", cbus_methods,
    sizeof(struct cbus_softc) };
DRIVER_MODULE(cbus, isa, cbus_driver, NULL, NULL);

static int
cbuschan_attach(device_t dev)
{
	struct cbuschan_softc *sc = device_get_softc(dev);

	/* expected-warning@+1 {{'make_dev' makes a cdev that detach never undoes ('destroy_dev' of 'sc->cdev')}} */
	sc->cdev = make_dev(&cbuschan_cdevsw, device_get_unit(dev), UID_ROOT,
	    GID_WHEEL, 0600, "cbuschan%d", device_get_unit(dev));
	return (0);
}

static int
cbuschan_detach(device_t dev)
{
	/* expected-note@+1 {{'cbuschan_detach' returns with the cdev still in place; call 'destroy_dev(sc->cdev)' before it returns}} */
	return (0);
}

static device_method_t cbuschan_methods[] = {
	DEVMETHOD(device_probe, cbus_probe),
	DEVMETHOD(device_attach, cbuschan_attach),
	DEVMETHOD(device_detach, cbuschan_detach),
	DEVMETHOD_END
};

static driver_t cbuschan_driver = { "cbuschan", cbuschan_methods,
    sizeof(struct cbuschan_softc) };
DRIVER_MODULE(cbuschan, cbus, cbuschan_driver, NULL, NULL);
