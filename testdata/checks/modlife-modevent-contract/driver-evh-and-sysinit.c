/*
 * modlife-modevent-contract, FreeBSD: DRIVER_MODULE's chained event
 * handler whose default arm breaks out to return 0 (reported, no fix-it:
 * there is a default, it just says yes), and a cdev that a SYSINIT makes
 * while the module's event handler destroys it only on MOD_SHUTDOWN.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>

static int
rivet_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
rivet_attach(device_t dev)
{
	return (0);
}

static int
rivet_detach(device_t dev)
{
	return (0);
}

static device_method_t rivet_methods[] = {
	DEVMETHOD(device_probe, rivet_probe),
	DEVMETHOD(device_attach, rivet_attach),
	DEVMETHOD(device_detach, rivet_detach),
	DEVMETHOD_END
};

static driver_t rivet_driver = {
	"rivet",
	rivet_methods,
	0
};

static struct cdev *rivet_ctl;

static struct cdevsw rivet_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "rivetctl",
};

static void
rivet_sysinit(void *arg)
{
	rivet_ctl = make_dev(&rivet_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
	    "rivetctl");
}
SYSINIT(rivetctl, SI_SUB_DRIVERS, SI_ORDER_ANY, rivet_sysinit, NULL);

static int
rivet_evh(module_t mod, int what, void *arg)
{
	/* expected-warning@+1 {{module event handler 'rivet_evh' returns 0 for events it does not handle (MOD_QUIESCE); return EOPNOTSUPP for them}} */
	switch (what) {
	case MOD_LOAD:
		return (0);
	case MOD_UNLOAD:
		return (0); /* expected-warning {{MOD_UNLOAD returns 0 while the cdev 'rivet_ctl' from 'make_dev' is still in place}} */
	case MOD_SHUTDOWN:
		destroy_dev(rivet_ctl); /* expected-note {{the only 'destroy_dev' of 'rivet_ctl' runs on MOD_SHUTDOWN only}} */
		return (0);
	default:
		break;
	}
	return (0);
}

DRIVER_MODULE(rivet, pci, rivet_driver, rivet_evh, NULL);
MODULE_VERSION(rivet, 1);
