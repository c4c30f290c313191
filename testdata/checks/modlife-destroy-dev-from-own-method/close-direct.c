/*
 * modlife-destroy-dev-from-own-method, FreeBSD: d_close destroys its own
 * cdev. destroy_dev() waits for every thread in the cdev's methods, this
 * close included. The fix defers the destruction with destroy_dev_sched(),
 * and MOD_UNLOAD drains what is scheduled.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *fuse_dev;
static int fuse_burnt;

static int
fuse_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	if (fuse_burnt) {
		/* expected-warning@+1 {{'destroy_dev' in 'fuse_close', the d_close method of the device it destroys; 'destroy_dev' waits until no thread is in the device's methods, and this thread is in 'fuse_close': it waits for itself}} */
		destroy_dev(dev);
		fuse_dev = NULL;
	}
	return (0);
}

static struct cdevsw fuse_cdevsw = {
	.d_version = D_VERSION,
	.d_close = fuse_close, /* expected-note {{'fuse_close' is the d_close of 'fuse_cdevsw'}} */
	.d_name = "fuse",
};

static int
fuse_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		fuse_dev = make_dev(&fuse_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
		    "fuse");
		return (0);
	case MOD_UNLOAD:
		if (fuse_dev != NULL)
			destroy_dev(fuse_dev);
		destroy_dev_drain(&fuse_cdevsw);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(fuse, fuse_modevent, NULL);
MODULE_VERSION(fuse, 1);
