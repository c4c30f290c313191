/*
 * modlife-modevent-contract, FreeBSD: the MOD_LOAD failure path releases
 * state, leaves the pointer set, and MOD_UNLOAD (which the kernel sends
 * after a failed MOD_LOAD) releases it again: a free and a zone destroy.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>

MALLOC_DEFINE(M_TRAY, "tray", "tray buffers");

static struct cdev *tray_dev;
static char *tray_buf;
static char *tray_log;

static struct cdevsw tray_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "tray",
};

static int
tray_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error;

	switch (type) {
	case MOD_LOAD:
		tray_buf = malloc(4096, M_TRAY, M_WAITOK | M_ZERO);
		tray_log = malloc(512, M_TRAY, M_WAITOK | M_ZERO);
		make_dev_args_init(&args);
		args.mda_devsw = &tray_cdevsw;
		error = make_dev_s(&args, &tray_dev, "tray");
		if (error != 0) {
			free(tray_buf, M_TRAY); /* expected-note {{first 'free' of 'tray_buf', on the MOD_LOAD failure path; leave the cleanup to MOD_UNLOAD, or clear 'tray_buf' here and test it there}} */
			free(tray_log, M_TRAY);
			tray_log = NULL;
			return (error);
		}
		if (tray_buf[0] != 0) {
			free(tray_buf, M_TRAY); /* expected-note {{first 'free' of 'tray_buf', on the MOD_LOAD failure path}} */
			return (ENXIO);
		}
		return (0);
	case MOD_UNLOAD:
		if (tray_dev != NULL)
			destroy_dev(tray_dev);
		/* expected-warning@+1 {{'free' of 'tray_buf' on MOD_UNLOAD runs again after a failed MOD_LOAD released it: the kernel sends MOD_UNLOAD after MOD_LOAD fails}} */
		free(tray_buf, M_TRAY);
		free(tray_log, M_TRAY);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(tray, tray_modevent, NULL);
MODULE_VERSION(tray, 1);
