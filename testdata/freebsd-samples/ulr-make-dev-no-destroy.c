/*
 * unload-leaves-registration: make_dev() without destroy_dev() on unload.
 * BUG: MOD_LOAD publishes /dev/acmerng; MOD_UNLOAD frees the pool and
 * returns, and nothing ever calls destroy_dev(). devfs keeps the cdev and
 * its cdevsw, both in the unloaded module, so the next read jumps into
 * freed text.
 * Report: modlife-unload-leaves-registration at ulr-make-dev-no-destroy.c:44
 * Note: ulr-make-dev-no-destroy.c:49 MOD_UNLOAD returns with /dev/acmerng still in devfs
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/uio.h>

#define ACMERNG_POOL 256

MALLOC_DEFINE(M_ACMERNG, "acmerng", "acme rng pool");

static struct cdev *acmerng_dev;
static uint8_t *acmerng_pool;

static int
acmerng_read(struct cdev *dev, struct uio *uio, int ioflag)
{
	return (uiomove_frombuf(acmerng_pool, ACMERNG_POOL, uio));
}

static struct cdevsw acmerng_cdevsw = {
	.d_version = D_VERSION,
	.d_read = acmerng_read,
	.d_name = "acmerng",
};

static int
acmerng_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmerng_pool = malloc(ACMERNG_POOL, M_ACMERNG, M_WAITOK | M_ZERO);
		acmerng_dev = make_dev(&acmerng_cdevsw, 0, UID_ROOT, GID_WHEEL, /* report: never destroyed on unload */
		    0444, "acmerng");
		return (0);
	case MOD_UNLOAD:
		free(acmerng_pool, M_ACMERNG);
		return (0); /* note: /dev/acmerng is still in devfs */
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmerng, acmerng_modevent, NULL);
MODULE_VERSION(acmerng, 1);
