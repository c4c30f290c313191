/*
 * destroy-dev-from-own-method: destroy_dev() from the cdev's own d_close.
 * BUG: a one-shot programming device removes itself on last close.
 * destroy_dev() waits until no thread is inside the device's methods, and
 * the calling thread is inside acmeotp_close, so it waits for itself.
 * Use destroy_dev_sched() from a method.
 * Report: modlife-destroy-dev-from-own-method at ddo-close-direct.c:39
 * Note: ddo-close-direct.c:48 acmeotp_close is the d_close of acmeotp_cdevsw
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/uio.h>

static struct cdev *acmeotp_dev;
static uint8_t acmeotp_fuses[64];
static int acmeotp_written;

static int
acmeotp_write(struct cdev *dev, struct uio *uio, int ioflag)
{
	int error;

	error = uiomove(acmeotp_fuses, MIN(uio->uio_resid,
	    (ssize_t)sizeof(acmeotp_fuses)), uio);
	if (error == 0)
		acmeotp_written = 1;
	return (error);
}

static int
acmeotp_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	if (acmeotp_written) {
		/* The fuses are burnt: nothing more to program. */
		destroy_dev(dev); /* report: waits for this very close to return */
		acmeotp_dev = NULL;
	}
	return (0);
}

static struct cdevsw acmeotp_cdevsw = {
	.d_version = D_VERSION,
	.d_write = acmeotp_write,
	.d_close = acmeotp_close, /* note: the device's own close method */
	.d_name = "acmeotp",
};

static int
acmeotp_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmeotp_dev = make_dev(&acmeotp_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0200, "acmeotp");
		return (0);
	case MOD_UNLOAD:
		if (acmeotp_dev != NULL)
			destroy_dev(acmeotp_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmeotp, acmeotp_modevent, NULL);
MODULE_VERSION(acmeotp, 1);
