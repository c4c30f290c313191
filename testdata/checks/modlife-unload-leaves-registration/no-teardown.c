/*
 * modlife-unload-leaves-registration: a SYSINIT that makes a cdev in a
 * file with no unload code at all. Whether such a module can unload
 * depends on code elsewhere (its event handler may refuse MOD_UNLOAD), so
 * the check says nothing here; see the doc's limits.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *baz_dev;

static struct cdevsw baz_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "baz",
};

static void
baz_init(void *arg __unused)
{
	baz_dev = make_dev(&baz_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600, "baz");
}
SYSINIT(baz_init, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, baz_init, NULL);

/* expected-no-diagnostics */
