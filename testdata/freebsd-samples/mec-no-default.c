/*
 * modevent-contract: an event handler without a default case.
 * BUG: the switch handles MOD_LOAD and MOD_UNLOAD and falls out with 0
 * for everything else. The contract is to return EOPNOTSUPP for events a
 * handler does not implement; returning 0 to MOD_QUIESCE tells kldunload
 * the module is idle while /dev/acmeled may be open, and claims success
 * for any event added later.
 * Report: modlife-modevent-contract at mec-no-default.c:39
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *acmeled_dev;
static int acmeled_state;

static int
acmeled_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	acmeled_state = (int)cmd & 1;
	return (0);
}

static struct cdevsw acmeled_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = acmeled_ioctl,
	.d_name = "acmeled",
};

static int
acmeled_modevent(module_t mod, int type, void *arg)
{
	int error = 0;

	switch (type) { /* report: no default case returning EOPNOTSUPP */
	case MOD_LOAD:
		acmeled_dev = make_dev(&acmeled_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "acmeled");
		break;
	case MOD_UNLOAD:
		destroy_dev(acmeled_dev);
		break;
	}
	return (error);
}

DEV_MODULE(acmeled, acmeled_modevent, NULL);
MODULE_VERSION(acmeled, 1);
