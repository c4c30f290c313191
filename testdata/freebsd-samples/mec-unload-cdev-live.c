/*
 * modevent-contract: MOD_UNLOAD returns 0 while its cdev is live.
 * BUG: the teardown sits under MOD_SHUTDOWN, which is sent only when the
 * system shuts down. On kldunload, MOD_UNLOAD frees the state and returns
 * 0, the module's text goes away, and /dev/acmectl stays in devfs with a
 * cdevsw pointing into it: the next open jumps into freed memory.
 * MOD_UNLOAD must destroy_dev() (or return EBUSY to refuse the unload).
 * Report: modlife-modevent-contract at mec-unload-cdev-live.c:55
 * Note: mec-unload-cdev-live.c:57 the only destroy_dev, run at shutdown
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>

MALLOC_DEFINE(M_ACMECTL, "acmectl", "acme control state");

struct acmectl_state {
	int opens;
	int mode;
};

static struct cdev *acmectl_dev;
static struct acmectl_state *acmectl_st;

static int
acmectl_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	acmectl_st->opens++;
	return (0);
}

static struct cdevsw acmectl_cdevsw = {
	.d_version = D_VERSION,
	.d_open = acmectl_open,
	.d_name = "acmectl",
};

static int
acmectl_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmectl_st = malloc(sizeof(*acmectl_st), M_ACMECTL,
		    M_WAITOK | M_ZERO);
		acmectl_dev = make_dev(&acmectl_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "acmectl");
		return (0);
	case MOD_UNLOAD:
		free(acmectl_st, M_ACMECTL);
		printf("acmectl: unloaded\n");
		return (0); /* report: unload allowed with /dev/acmectl still live */
	case MOD_SHUTDOWN:
		destroy_dev(acmectl_dev); /* note: only on shutdown */
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmectl, acmectl_modevent, NULL);
MODULE_VERSION(acmectl, 1);
