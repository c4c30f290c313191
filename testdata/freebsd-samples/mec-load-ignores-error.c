/*
 * modevent-contract: MOD_LOAD drops an error and reports success.
 * BUG: make_dev_s() can fail (a name clash, no memory with
 * MAKEDEV_NOWAIT). The handler prints the error and returns 0, so the
 * module stays loaded and "working" with no /dev/acmenv, and the NULL
 * acmenv_dev reaches destroy_dev() on unload. Return the error: the
 * kernel then sends MOD_UNLOAD and releases the module.
 * Report: modlife-modevent-contract at mec-load-ignores-error.c:54
 * Note: mec-load-ignores-error.c:57 MOD_LOAD returns 0 after the failure
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/uio.h>

#define ACMENV_SIZE 512

MALLOC_DEFINE(M_ACMENV, "acmenv", "acme nvram shadow");

static struct cdev *acmenv_dev;
static char *acmenv_shadow;

static int
acmenv_read(struct cdev *dev, struct uio *uio, int ioflag)
{
	return (uiomove_frombuf(acmenv_shadow, ACMENV_SIZE, uio));
}

static struct cdevsw acmenv_cdevsw = {
	.d_version = D_VERSION,
	.d_read = acmenv_read,
	.d_name = "acmenv",
};

static int
acmenv_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error;

	switch (type) {
	case MOD_LOAD:
		acmenv_shadow = malloc(ACMENV_SIZE, M_ACMENV, M_WAITOK | M_ZERO);
		make_dev_args_init(&args);
		args.mda_flags = MAKEDEV_NOWAIT | MAKEDEV_CHECKNAME;
		args.mda_devsw = &acmenv_cdevsw;
		args.mda_uid = UID_ROOT;
		args.mda_gid = GID_WHEEL;
		args.mda_mode = 0444;
		error = make_dev_s(&args, &acmenv_dev, "acmenv"); /* report: the error is dropped */
		if (error != 0)
			printf("acmenv: cannot create /dev/acmenv: %d\n", error);
		return (0); /* note: reports success after the failure */
	case MOD_UNLOAD:
		destroy_dev(acmenv_dev);
		free(acmenv_shadow, M_ACMENV);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmenv, acmenv_modevent, NULL);
MODULE_VERSION(acmenv, 1);
