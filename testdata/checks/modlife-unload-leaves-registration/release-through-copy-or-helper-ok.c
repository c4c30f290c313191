/*
 * modlife-unload-leaves-registration: releases the check must see although
 * the handle is spelled differently there. MOD_UNLOAD copies one cdev into
 * a local before destroy_dev() (to clear the global under the lock), and
 * hands the other's softc to a helper that destroys sc->sc_cdev. Both were
 * reported before (the first on the ddo-destroy-dev-sched-ok.c sample, the
 * second on ddo-close-helper.c). No warnings.
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/lock.h>
#include <sys/mutex.h>

struct pair_softc {
	struct cdev *sc_cdev;
};

static struct mtx pair_mtx;
static struct cdev *pair_ctl;
static struct pair_softc pair_sc;

static struct cdevsw pair_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "pair",
};

static void
pair_retire(struct pair_softc *sc)
{
	if (sc->sc_cdev == NULL)
		return;
	destroy_dev(sc->sc_cdev);
	sc->sc_cdev = NULL;
}

static int
pair_modevent(module_t mod, int type, void *arg)
{
	struct cdev *dev;

	switch (type) {
	case MOD_LOAD:
		mtx_init(&pair_mtx, "pair", NULL, MTX_DEF);
		pair_ctl = make_dev(&pair_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
		    "pairctl");
		pair_sc.sc_cdev = make_dev(&pair_cdevsw, 1, UID_ROOT, GID_WHEEL,
		    0600, "pair");
		return (0);
	case MOD_UNLOAD:
		mtx_lock(&pair_mtx);
		dev = pair_ctl;
		pair_ctl = NULL;
		mtx_unlock(&pair_mtx);
		if (dev != NULL)
			destroy_dev(dev);
		pair_retire(&pair_sc);
		mtx_destroy(&pair_mtx);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(pair, pair_modevent, NULL);
