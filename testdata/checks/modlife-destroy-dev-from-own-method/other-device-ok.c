/*
 * modlife-destroy-dev-from-own-method, FreeBSD: destroy_dev() where it
 * does not wait for itself. A control device's d_ioctl destroys a unit
 * device that only ever comes from make_dev() and make_dev_s() with the
 * unit's own cdevsw; d_close of the unit schedules its own destruction;
 * MOD_UNLOAD destroys both and drains. None is reported.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *hub_ctl_dev, *hub_unit_dev, *hub_spare_dev;

static int
hub_unit_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	destroy_dev_sched(dev);
	hub_unit_dev = NULL;
	return (0);
}

static struct cdevsw hub_unit_cdevsw = {
	.d_version = D_VERSION,
	.d_close = hub_unit_close,
	.d_name = "hubunit",
};

static int
hub_ctl_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	struct make_dev_args args;

	switch (cmd) {
	case 1:
		hub_unit_dev = make_dev(&hub_unit_cdevsw, 1, UID_ROOT,
		    GID_WHEEL, 0600, "hubunit");
		return (0);
	case 2:
		make_dev_args_init(&args);
		args.mda_devsw = &hub_unit_cdevsw;
		return (make_dev_s(&args, &hub_spare_dev, "hubspare"));
	case 3:
		if (hub_unit_dev != NULL)
			destroy_dev(hub_unit_dev);
		if (hub_spare_dev != NULL)
			destroy_dev(hub_spare_dev);
		hub_unit_dev = hub_spare_dev = NULL;
		return (0);
	default:
		return (ENOTTY);
	}
}

static struct cdevsw hub_ctl_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = hub_ctl_ioctl,
	.d_name = "hubctl",
};

static int
hub_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		hub_ctl_dev = make_dev(&hub_ctl_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "hubctl");
		return (0);
	case MOD_UNLOAD:
		if (hub_unit_dev != NULL)
			destroy_dev(hub_unit_dev);
		if (hub_spare_dev != NULL)
			destroy_dev(hub_spare_dev);
		destroy_dev(hub_ctl_dev);
		destroy_dev_drain(&hub_unit_cdevsw);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(hub, hub_modevent, NULL);
MODULE_VERSION(hub, 1);
