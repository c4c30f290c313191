/*
 * destroy-dev-from-own-method: destroy_dev() from d_close, through a helper.
 * BUG: as in ddo-close-direct.c, but the destroy sits in a retire helper
 * that the unload path also uses. From MOD_UNLOAD it is right; from
 * acmeotp_close it makes destroy_dev() wait for the thread that calls it.
 * Report: modlife-destroy-dev-from-own-method at ddo-close-helper.c:54
 * Note: ddo-close-helper.c:31 acmeotp_retire calls destroy_dev
 * Note: ddo-close-helper.c:61 acmeotp_close is the d_close of acmeotp_cdevsw
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/uio.h>

struct acmeotp_softc {
	struct cdev *sc_cdev;
	uint8_t sc_fuses[64];
	int sc_written;
};

static struct acmeotp_softc acmeotp_sc;

static void
acmeotp_retire(struct acmeotp_softc *sc)
{
	if (sc->sc_cdev == NULL)
		return;
	destroy_dev(sc->sc_cdev); /* note: waits for every thread in the methods */
	sc->sc_cdev = NULL;
}

static int
acmeotp_write(struct cdev *dev, struct uio *uio, int ioflag)
{
	struct acmeotp_softc *sc = dev->si_drv1;
	int error;

	error = uiomove(sc->sc_fuses, MIN(uio->uio_resid,
	    (ssize_t)sizeof(sc->sc_fuses)), uio);
	if (error == 0)
		sc->sc_written = 1;
	return (error);
}

static int
acmeotp_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	struct acmeotp_softc *sc = dev->si_drv1;

	if (sc->sc_written)
		acmeotp_retire(sc); /* report: destroy_dev from the device's own close */
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
	struct make_dev_args args;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &acmeotp_cdevsw;
		args.mda_uid = UID_ROOT;
		args.mda_gid = GID_WHEEL;
		args.mda_mode = 0200;
		args.mda_si_drv1 = &acmeotp_sc;
		return (make_dev_s(&args, &acmeotp_sc.sc_cdev, "acmeotp"));
	case MOD_UNLOAD:
		acmeotp_retire(&acmeotp_sc);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmeotp, acmeotp_modevent, NULL);
MODULE_VERSION(acmeotp, 1);
