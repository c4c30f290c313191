/*
 * modlife-unload-leaves-registration: a handle stored through one pointer
 * variable and released through another of the same type is the same
 * field of the same struct. FreeBSD 9.3's cxgb makes the port's cdev in
 * a helper, "pi->port_cdev = make_dev(...)", and its detach destroys
 * "p->port_cdev"; plip sets up "&lp->sc_intr_cookie" and tears down
 * "sc->sc_intr_cookie", both from device_get_softc(dev). Both were
 * reported before (run 7). A field of another name, and a field of the
 * same name in another struct, are other handles: those two are reported.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/rman.h>

struct port_info {
	struct cdev *port_cdev;
	struct cdev *port_ctl;
	struct resource *irq;
	void *intr_cookie;
};

/* Another struct with a field of the same name. */
struct port_shadow {
	struct cdev *port_cdev;
};

static struct port_shadow *port_shadow;

static struct cdevsw port_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "port",
};

static void
port_intr(void *arg)
{
}

static int
port_makedev(struct port_info *pi, int unit)
{
	pi->port_cdev = make_dev(&port_cdevsw, unit, UID_ROOT, GID_WHEEL,
	    0600, "port%d", unit);
	if (pi->port_cdev == NULL)
		return (ENOMEM);
	/* expected-warning@+1 {{'make_dev' makes a cdev that detach never undoes ('destroy_dev' of 'pi->port_ctl')}} */
	pi->port_ctl = make_dev(&port_cdevsw, unit + 1, UID_ROOT, GID_WHEEL,
	    0600, "portctl%d", unit);
	return (0);
}

static int
port_attach(device_t dev)
{
	struct port_info *lp = device_get_softc(dev);
	int rid = 0;

	lp->irq = bus_alloc_resource_any(dev, SYS_RES_IRQ, &rid, RF_ACTIVE);
	if (lp->irq == NULL)
		return (ENXIO);
	if (bus_setup_intr(dev, lp->irq, INTR_TYPE_NET, NULL, port_intr, lp,
	    &lp->intr_cookie) != 0)
		return (ENXIO);
	/* expected-warning@+1 {{'make_dev' makes a cdev that detach never undoes ('destroy_dev' of 'port_shadow->port_cdev')}} */
	port_shadow->port_cdev = make_dev(&port_cdevsw, 99, UID_ROOT,
	    GID_WHEEL, 0600, "portshadow");
	return (port_makedev(lp, device_get_unit(dev)));
}

static int
port_detach(device_t dev)
{
	struct port_info *p, *sc;

	p = device_get_softc(dev);
	sc = p;
	bus_teardown_intr(dev, sc->irq, sc->intr_cookie);
	if (p->port_cdev != NULL)
		destroy_dev(p->port_cdev);
	/* expected-note@+2 {{'port_detach' returns with the cdev still in place; call 'destroy_dev(pi->port_ctl)' before it returns}} */
	/* expected-note@+1 {{'port_detach' returns with the cdev still in place; call 'destroy_dev(port_shadow->port_cdev)' before it returns}} */
	return (0);
}

static device_method_t port_methods[] = {
	DEVMETHOD(device_attach, port_attach),
	DEVMETHOD(device_detach, port_detach),
	DEVMETHOD_END
};

static driver_t port_driver = { "port", port_methods,
    sizeof(struct port_info) };
DRIVER_MODULE(port, pci, port_driver, NULL, NULL);
