/*
 * modlife-unload-leaves-registration: same-field-other-name.c where the
 * struct's header is missing, as in the FreeBSD 9.3 database, where
 * cxgb_main.c does not find cxgb_include.h: "struct port_info" is then
 * declared anew by each prototype that names it, and "pi->port_cdev" is
 * an error node over "pi". The field is still known by the struct's name
 * and the name written after "->"; cxgb's port cdev was reported before.
 * A field of another name is still another handle.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

static struct cdevsw port_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "port",
};

/* The compiler's own complaints about the missing struct: */
/* expected-warning@+3 {{declaration of 'struct port_info' will not be visible outside of this function}} */
/* expected-note@+2 2 {{forward declaration of 'struct port_info'}} */
static int
port_makedev(struct port_info *pi, int unit)
{
	/* expected-error@+1 {{incomplete definition of type 'struct port_info'}} */
	pi->port_cdev = make_dev(&port_cdevsw, unit, UID_ROOT, GID_WHEEL,
	    0600, "port%d", unit);
	/* expected-error@+2 {{incomplete definition of type 'struct port_info'}} */
	/* expected-warning@+1 {{'make_dev' makes a cdev that detach never undoes ('destroy_dev' of 'pi->port_ctl')}} */
	pi->port_ctl = make_dev(&port_cdevsw, unit + 1, UID_ROOT, GID_WHEEL,
	    0600, "portctl%d", unit);
	return (0);
}

static int
port_attach(device_t dev)
{
	return (port_makedev(device_get_softc(dev), device_get_unit(dev)));
}

static int
port_detach(device_t dev)
{
	/* expected-note@+1 {{forward declaration of 'struct port_info'}} */
	struct port_info *p;

	p = device_get_softc(dev);
	/* expected-error@+1 {{incomplete definition of type 'struct port_info'}} */
	destroy_dev(p->port_cdev);
	/* expected-note@+1 {{'port_detach' returns with the cdev still in place; call 'destroy_dev(pi->port_ctl)' before it returns}} */
	return (0);
}

static device_method_t port_methods[] = {
	DEVMETHOD(device_attach, port_attach),
	DEVMETHOD(device_detach, port_detach),
	DEVMETHOD_END
};

static driver_t port_driver = { "port", port_methods, 0 };
DRIVER_MODULE(port, pci, port_driver, NULL, NULL);
