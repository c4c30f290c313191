/*
 * modevent-contract: MOD_LOAD's failure path frees what MOD_UNLOAD frees.
 * BUG: when MOD_LOAD fails, module_register_init() calls the handler
 * again with MOD_UNLOAD before it releases the module. The failure path
 * already freed acmebuf_data and left the pointer set, so MOD_UNLOAD
 * frees it a second time. Either leave the cleanup to MOD_UNLOAD or
 * clear the pointer.
 * Report: modlife-modevent-contract at mec-load-failure-double-free.c:63
 * Note: mec-load-failure-double-free.c:56 first free, on the MOD_LOAD failure path
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/uio.h>

#define ACMEBUF_SIZE 65536

MALLOC_DEFINE(M_ACMEBUF, "acmebuf", "acme bounce buffer");

static struct cdev *acmebuf_dev;
static char *acmebuf_data;

static int
acmebuf_read(struct cdev *dev, struct uio *uio, int ioflag)
{
	return (uiomove_frombuf(acmebuf_data, ACMEBUF_SIZE, uio));
}

static struct cdevsw acmebuf_cdevsw = {
	.d_version = D_VERSION,
	.d_read = acmebuf_read,
	.d_name = "acmebuf",
};

static int
acmebuf_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error;

	switch (type) {
	case MOD_LOAD:
		acmebuf_data = malloc(ACMEBUF_SIZE, M_ACMEBUF, M_WAITOK | M_ZERO);
		make_dev_args_init(&args);
		args.mda_flags = MAKEDEV_CHECKNAME | MAKEDEV_WAITOK;
		args.mda_devsw = &acmebuf_cdevsw;
		args.mda_uid = UID_ROOT;
		args.mda_gid = GID_WHEEL;
		args.mda_mode = 0600;
		error = make_dev_s(&args, &acmebuf_dev, "acmebuf");
		if (error != 0) {
			free(acmebuf_data, M_ACMEBUF); /* note: freed here, pointer left set */
			return (error);
		}
		return (0);
	case MOD_UNLOAD:
		if (acmebuf_dev != NULL)
			destroy_dev(acmebuf_dev);
		free(acmebuf_data, M_ACMEBUF); /* report: freed again after a failed MOD_LOAD */
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmebuf, acmebuf_modevent, NULL);
MODULE_VERSION(acmebuf, 1);
