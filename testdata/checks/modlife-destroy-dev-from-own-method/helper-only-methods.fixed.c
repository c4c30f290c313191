/*
 * modlife-destroy-dev-from-own-method, FreeBSD: d_close and d_ioctl share
 * a helper that destroys the device, and nothing else calls the helper.
 * Every call of the destroy runs inside a method, so the fix renames it
 * to destroy_dev_sched() in the helper.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *gate_dev;

static void
gate_drop(struct cdev *dev)
{
	destroy_dev_sched(dev); /* expected-note 2 {{'gate_drop' calls 'destroy_dev', which waits for every thread in the device's methods; from a method, use 'destroy_dev_sched'}} */
	gate_dev = NULL;
}

static int
gate_close(struct cdev *dev, int fflag, int devtype, struct thread *td)
{
	gate_drop(dev); /* expected-warning {{'gate_drop' may call 'destroy_dev' from 'gate_close', a d_close method of a device it may destroy}} */
	return (0);
}

static int
gate_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	if (cmd == 1)
		gate_drop(dev); /* expected-warning {{'gate_drop' may call 'destroy_dev' from 'gate_ioctl', a d_ioctl method of a device it may destroy}} */
	return (0);
}

static struct cdevsw gate_cdevsw = {
	.d_version = D_VERSION,
	.d_close = gate_close, /* expected-note {{'gate_close' is the d_close of 'gate_cdevsw'}} */
	.d_ioctl = gate_ioctl, /* expected-note {{'gate_ioctl' is the d_ioctl of 'gate_cdevsw'}} */
	.d_name = "gate",
};

static int
gate_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		gate_dev = make_dev(&gate_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
		    "gate");
		return (0);
	case MOD_UNLOAD:
		if (gate_dev != NULL)
			destroy_dev(gate_dev);
		destroy_dev_drain(&gate_cdevsw);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(gate, gate_modevent, NULL);
MODULE_VERSION(gate, 1);
