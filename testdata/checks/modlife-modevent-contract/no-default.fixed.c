/*
 * modlife-modevent-contract, FreeBSD: a switch on the event with no
 * default case. MOD_QUIESCE and MOD_SHUTDOWN (and any later event) fall
 * out of the switch and get 0. Every arm ends in a break, so the fix adds
 * a default arm that returns EOPNOTSUPP.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *beacon_dev;
static int beacon_on;

static int
beacon_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	beacon_on = (int)cmd & 1;
	return (0);
}

static struct cdevsw beacon_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = beacon_ioctl,
	.d_name = "beacon",
};

static int
beacon_modevent(module_t mod, int type, void *arg)
{
	int error = 0;

	/* expected-warning@+1 {{module event handler 'beacon_modevent' returns 0 for events it does not handle (MOD_QUIESCE, MOD_SHUTDOWN); return EOPNOTSUPP for them}} */
	switch (type) {
	case MOD_LOAD:
		beacon_dev = make_dev(&beacon_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "beacon");
		break;
	case MOD_UNLOAD:
		destroy_dev(beacon_dev);
		break;
	default:
		return (EOPNOTSUPP);
	}
	return (error);
}

DEV_MODULE(beacon, beacon_modevent, NULL);
MODULE_VERSION(beacon, 1);
