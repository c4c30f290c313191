/*
 * unload-leaves-registration, correct twin of ulr-make-dev-no-destroy.c.
 * CORRECT: the SYSUNINIT calls destroy_dev(), which removes the node and
 * waits for every thread still inside acmerng_read, before it frees the
 * pool that acmerng_read copies from.
 * Report: none
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
	acmerng_dev = make_dev(&acmerng_cdevsw, 0, UID_ROOT, GID_WHEEL,
	    0444, "acmerng");
}
SYSINIT(acmerng_init, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, acmerng_init, NULL);

static void
acmerng_uninit(void *arg __unused)
{
	destroy_dev(acmerng_dev);
	free(acmerng_pool, M_ACMERNG);
	acmerng_pool = NULL;
}
SYSUNINIT(acmerng_uninit, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, acmerng_uninit, NULL);

static moduledata_t acmerng_mod = {
	"acmerng",
	NULL,
	NULL
};
DECLARE_MODULE(acmerng, acmerng_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmerng, 1);
