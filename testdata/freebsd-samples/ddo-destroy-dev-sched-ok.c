/*
 * destroy-dev-from-own-method, correct twin of ddo-close-direct.c and
 * ddo-close-helper.c.
 * CORRECT: d_close schedules the destruction with destroy_dev_sched(),
 * which hands it to a taskqueue and returns. MOD_UNLOAD destroys a device
 * that is still there and then calls destroy_dev_drain(), so no
 * scheduled destruction of an acmeotp cdev is pending when the module's
 * cdevsw goes away.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/uio.h>

static struct mtx acmeotp_mtx;
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
	mtx_lock(&acmeotp_mtx);
	if (acmeotp_written && acmeotp_dev != NULL) {
		destroy_dev_sched(dev);
		acmeotp_dev = NULL;
	}
	mtx_unlock(&acmeotp_mtx);
	return (0);
}

static struct cdevsw acmeotp_cdevsw = {
	.d_version = D_VERSION,
	.d_write = acmeotp_write,
	.d_close = acmeotp_close,
	.d_name = "acmeotp",
};

static int
acmeotp_modevent(module_t mod, int type, void *arg)
{
	struct cdev *dev;

	switch (type) {
	case MOD_LOAD:
		mtx_init(&acmeotp_mtx, "acmeotp", NULL, MTX_DEF);
		acmeotp_dev = make_dev(&acmeotp_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0200, "acmeotp");
		return (0);
	case MOD_UNLOAD:
		mtx_lock(&acmeotp_mtx);
		dev = acmeotp_dev;
		acmeotp_dev = NULL;
		mtx_unlock(&acmeotp_mtx);
		if (dev != NULL)
			destroy_dev(dev);
		destroy_dev_drain(&acmeotp_cdevsw);
		mtx_destroy(&acmeotp_mtx);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmeotp, acmeotp_modevent, NULL);
MODULE_VERSION(acmeotp, 1);
