/*
 * modlife-destroy-dev-from-own-method, FreeBSD: d_ioctl destroys a device
 * that is also created with the ioctl's own cdevsw, so it may be the very
 * device whose ioctl is running: reported. The destroy is not written on
 * the method's own dev, and the ioctl is the only method, so the fix-it
 * still applies.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *loop_dev, *loop_clone_dev;

static int
loop_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	if (cmd == 1 && loop_clone_dev == NULL) {
		loop_clone_dev = make_dev(dev->si_devsw, 1, UID_ROOT, GID_WHEEL,
		    0600, "loop1");
		return (0);
	}
	if (cmd == 2 && loop_clone_dev != NULL) {
		/* expected-warning@+1 {{'destroy_dev' in 'loop_ioctl', a d_ioctl method of a device it may destroy}} */
		destroy_dev_sched(loop_clone_dev);
		loop_clone_dev = NULL;
	}
	return (0);
}

static struct cdevsw loop_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = loop_ioctl, /* expected-note {{'loop_ioctl' is the d_ioctl of 'loop_cdevsw'}} */
	.d_name = "loop",
};

static int
loop_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		loop_dev = make_dev(&loop_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
		    "loop0");
		return (0);
	case MOD_UNLOAD:
		if (loop_clone_dev != NULL)
			destroy_dev(loop_clone_dev);
		destroy_dev(loop_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(loop, loop_modevent, NULL);
MODULE_VERSION(loop, 1);
