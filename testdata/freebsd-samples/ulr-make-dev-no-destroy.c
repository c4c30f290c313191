/*
 * unload-leaves-registration: make_dev() without destroy_dev() on unload.
 * BUG: a SYSINIT publishes /dev/acmerng; the SYSUNINIT frees the pool and
 * returns, and nothing ever calls destroy_dev(). devfs keeps the cdev and
 * its cdevsw, both in the unloaded module, so the next read jumps into
 * freed text. (The same hole written as a MOD_LOAD/MOD_UNLOAD pair is
 * mec-unload-cdev-live.c's, which modlife-modevent-contract owns.)
 * Report: modlife-unload-leaves-registration at ulr-make-dev-no-destroy.c:43
 * Note: ulr-make-dev-no-destroy.c:53 the SYSUNINIT returns with /dev/acmerng still in devfs
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

static void
acmerng_init(void *arg __unused)
{
	acmerng_pool = malloc(ACMERNG_POOL, M_ACMERNG, M_WAITOK | M_ZERO);
	acmerng_dev = make_dev(&acmerng_cdevsw, 0, UID_ROOT, GID_WHEEL, /* report: never destroyed on unload */
	    0444, "acmerng");
}
SYSINIT(acmerng_init, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, acmerng_init, NULL);

static void
acmerng_uninit(void *arg __unused)
{
	free(acmerng_pool, M_ACMERNG);
	acmerng_pool = NULL;
} /* note: /dev/acmerng is still in devfs */
SYSUNINIT(acmerng_uninit, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, acmerng_uninit, NULL);

static moduledata_t acmerng_mod = {
	"acmerng",
	NULL,
	NULL
};
DECLARE_MODULE(acmerng, acmerng_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmerng, 1);
