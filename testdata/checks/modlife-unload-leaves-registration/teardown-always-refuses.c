/*
 * modlife-unload-leaves-registration: a driver whose detach always refuses
 * (as FreeBSD 9.3's hptrr, hptnr and hpt27xx do) and a module whose
 * MOD_UNLOAD always refuses (as pty does) never unload with their
 * registrations live; nothing to report. A first version reported both.
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/eventhandler.h>

static eventhandler_tag stuck_tag;

static void
stuck_shutdown(void *arg, int howto)
{
}

static int
stuck_probe(device_t dev)
{
	return (0);
}

static int
stuck_attach(device_t dev)
{
	stuck_tag = EVENTHANDLER_REGISTER(shutdown_final, stuck_shutdown, dev,
	    SHUTDOWN_PRI_DEFAULT);
	return (0);
}

static int
stuck_detach(device_t dev)
{
	/* The controller cannot be detached. */
	return (EBUSY);
}

static device_method_t stuck_methods[] = {
	DEVMETHOD(device_probe, stuck_probe),
	DEVMETHOD(device_attach, stuck_attach),
	DEVMETHOD(device_detach, stuck_detach),
	DEVMETHOD_END
};
static driver_t stuck_driver = { "stuck", stuck_methods, 0 };
DRIVER_MODULE(stuck, pci, stuck_driver, NULL, NULL);

static struct cdev *ptyctl;
static struct cdevsw ptyctl_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "ptyctl",
};

static int
ptyctl_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		ptyctl = make_dev(&ptyctl_cdevsw, 0, UID_ROOT, GID_WHEEL, 0666,
		    "ptyctl");
		return (0);
	case MOD_SHUTDOWN:
		return (0);
	case MOD_UNLOAD:
		/* Never unloads: old ptys may still be open. */
		return (EBUSY);
	default:
		return (EOPNOTSUPP);
	}
}
DEV_MODULE(ptyctl, ptyctl_modevent, NULL);
