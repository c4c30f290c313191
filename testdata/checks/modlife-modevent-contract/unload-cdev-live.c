/*
 * modlife-modevent-contract, FreeBSD: MOD_UNLOAD returns 0 while the cdev
 * made on MOD_LOAD stays in devfs, because its destroy_dev() sits on the
 * arm of another event: MOD_SHUTDOWN, or MOD_QUIESCE (which kldunload -f
 * skips). The plain missing destroy_dev() is
 * modlife-unload-leaves-registration's.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *dock_dev;
static int dock_opens;

static int
dock_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	dock_opens++;
	return (0);
}

static struct cdevsw dock_cdevsw = {
	.d_version = D_VERSION,
	.d_open = dock_open,
	.d_name = "dock",
};

static int
dock_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		dock_dev = make_dev(&dock_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "dock");
		return (0);
	case MOD_UNLOAD:
		printf("dock: unloaded\n");
		return (0); /* expected-warning {{MOD_UNLOAD returns 0 while the cdev 'dock_dev' from 'make_dev' is still in place; its 'destroy_dev' does not run on MOD_UNLOAD, and the module's code goes away under it}} */
	case MOD_SHUTDOWN:
		destroy_dev(dock_dev); /* expected-note {{the only 'destroy_dev' of 'dock_dev' runs on MOD_SHUTDOWN only}} */
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(dock, dock_modevent, NULL);

static struct cdev *pier_dev;

static int
pier_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error = 0;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &dock_cdevsw;
		error = make_dev_s(&args, &pier_dev, "pier");
		break;
	case MOD_QUIESCE:
		if (dock_opens > 0)
			return (EBUSY);
		destroy_dev(pier_dev); /* expected-note {{the only 'destroy_dev' of 'pier_dev' runs on MOD_QUIESCE only}} */
		break;
	case MOD_UNLOAD:
		break;
	default:
		error = EOPNOTSUPP;
		break;
	}
	return (error); /* expected-warning {{MOD_UNLOAD returns 0 while the cdev 'pier_dev' from 'make_dev_s' is still in place}} */
}

DEV_MODULE(pier, pier_modevent, NULL);
MODULE_VERSION(dock, 1);
