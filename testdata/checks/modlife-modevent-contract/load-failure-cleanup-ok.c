/*
 * modlife-modevent-contract, FreeBSD: failure paths of MOD_LOAD that
 * MOD_UNLOAD can follow: the pointer cleared after the free, the release
 * in MOD_UNLOAD tested first, a local buffer (another object in each
 * call), a release in MOD_UNLOAD under a flag that only a
 * successful MOD_LOAD sets, and cleanup left to MOD_UNLOAD. None is reported.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>

MALLOC_DEFINE(M_SHELF, "shelf", "shelf buffers");

static struct cdev *shelf_dev;
static char *shelf_buf;
static char *shelf_idx;
static char *shelf_map;
static int shelf_loaded;

static struct cdevsw shelf_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "shelf",
};

static int
shelf_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	char *scratch;
	int error;

	switch (type) {
	case MOD_LOAD:
		scratch = malloc(64, M_SHELF, M_WAITOK);
		shelf_buf = malloc(4096, M_SHELF, M_WAITOK | M_ZERO);
		shelf_idx = malloc(256, M_SHELF, M_WAITOK | M_ZERO);
		shelf_map = malloc(256, M_SHELF, M_WAITOK | M_ZERO);
		make_dev_args_init(&args);
		args.mda_devsw = &shelf_cdevsw;
		error = make_dev_s(&args, &shelf_dev, "shelf");
		free(scratch, M_SHELF);
		if (error != 0) {
			free(shelf_buf, M_SHELF);
			shelf_buf = NULL;
			free(shelf_idx, M_SHELF);
			return (error);
		}
		shelf_loaded = 1;
		return (0);
	case MOD_UNLOAD:
		scratch = malloc(64, M_SHELF, M_WAITOK);
		free(scratch, M_SHELF);
		if (shelf_dev != NULL)
			destroy_dev(shelf_dev);
		free(shelf_buf, M_SHELF);
		if (shelf_loaded)
			free(shelf_idx, M_SHELF);
		free(shelf_map, M_SHELF);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(shelf, shelf_modevent, NULL);
MODULE_VERSION(shelf, 1);
