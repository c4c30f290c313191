/*
 * modevent-contract, correct twin of the mec-*.c samples.
 * CORRECT: unknown events get EOPNOTSUPP; MOD_LOAD returns make_dev_s()'s
 * error and leaves the state for MOD_UNLOAD to clean up, which the kernel
 * then calls; MOD_QUIESCE refuses while the device is open; MOD_UNLOAD
 * destroys the device before it frees what the methods use, and copes
 * with a half-done MOD_LOAD.
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

#define ACMEBUF_SIZE 65536

MALLOC_DEFINE(M_ACMEBUF, "acmebuf", "acme bounce buffer");

static struct cdev *acmebuf_dev;
static char *acmebuf_data;
static u_int acmebuf_opens;

static int
acmebuf_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	atomic_add_int(&acmebuf_opens, 1);
	return (0);
}

static int
acmebuf_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	atomic_subtract_int(&acmebuf_opens, 1);
	return (0);
}

static int
acmebuf_read(struct cdev *dev, struct uio *uio, int ioflag)
{
	return (uiomove_frombuf(acmebuf_data, ACMEBUF_SIZE, uio));
}

static struct cdevsw acmebuf_cdevsw = {
	.d_version = D_VERSION,
	.d_flags = D_TRACKCLOSE,
	.d_open = acmebuf_open,
	.d_close = acmebuf_close,
	.d_read = acmebuf_read,
	.d_name = "acmebuf",
};

static int
acmebuf_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;

	switch (type) {
	case MOD_LOAD:
		acmebuf_data = malloc(ACMEBUF_SIZE, M_ACMEBUF, M_WAITOK | M_ZERO);
		make_dev_args_init(&args);
		args.mda_flags = MAKEDEV_CHECKNAME | MAKEDEV_WAITOK;
		args.mda_devsw = &acmebuf_cdevsw;
		args.mda_uid = UID_ROOT;
		args.mda_gid = GID_WHEEL;
		args.mda_mode = 0600;
		return (make_dev_s(&args, &acmebuf_dev, "acmebuf"));
	case MOD_QUIESCE:
		return (acmebuf_opens > 0 ? EBUSY : 0);
	case MOD_UNLOAD:
		if (acmebuf_dev != NULL)
			destroy_dev(acmebuf_dev);
		acmebuf_dev = NULL;
		free(acmebuf_data, M_ACMEBUF);
		acmebuf_data = NULL;
		return (0);
	case MOD_SHUTDOWN:
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmebuf, acmebuf_modevent, NULL);
MODULE_VERSION(acmebuf, 1);
