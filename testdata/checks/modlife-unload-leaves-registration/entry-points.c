/*
 * modlife-unload-leaves-registration: cdevs made outside load and attach
 * (here from an ioctl). One is destroyed by another ioctl, which is enough
 * for a registration of no known lifetime; the other is destroyed nowhere
 * and the module has an unload, so it is reported with a note at the
 * SYSUNINIT function. A cdev made in a SYSINIT of a file with no
 * teardown at all is left alone (see the doc's limits).
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>

MALLOC_DEFINE(M_BAR, "bar", "bar state");

static struct cdev *bar_aux, *bar_log;
static char *bar_state;

static struct cdevsw bar_aux_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "baraux",
};

static int
bar_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	switch (cmd) {
	case 1:
		bar_aux = make_dev(&bar_aux_cdevsw, 1, UID_ROOT, GID_WHEEL,
		    0600, "baraux");
		return (0);
	case 2:
		destroy_dev(bar_aux);
		return (0);
	case 3:
		/* expected-warning@+1 {{'make_dev' makes a cdev that detach or unload never undoes ('destroy_dev' of 'bar_log')}} */
		bar_log = make_dev(&bar_aux_cdevsw, 2, UID_ROOT, GID_WHEEL,
		    0600, "barlog");
		return (0);
	}
	return (ENOTTY);
}

static struct cdevsw bar_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = bar_ioctl,
	.d_name = "bar",
};

static void
bar_init(void *arg __unused)
{
	bar_state = malloc(64, M_BAR, M_WAITOK | M_ZERO);
}
SYSINIT(bar_init, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, bar_init, NULL);

static void
bar_uninit(void *arg __unused)
{
	free(bar_state, M_BAR);
} /* expected-note {{'bar_uninit' returns with the cdev still in place; call 'destroy_dev(bar_log)' before it returns}} */
SYSUNINIT(bar_uninit, SI_SUB_DRIVERS, SI_ORDER_MIDDLE, bar_uninit, NULL);

static struct cdevsw *bar_used = &bar_cdevsw;
