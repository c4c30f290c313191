/*
 * modlife-destroy-dev-from-own-method, FreeBSD: d_ioctl reaches
 * destroy_dev() through two helpers that MOD_UNLOAD also uses. From
 * MOD_UNLOAD the wait is right, so there is no fix-it: the method should
 * call destroy_dev_sched() itself.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

struct sled_softc {
	struct cdev *sc_cdev;
	int sc_state;
};

static struct sled_softc sled_sc;

static void
sled_remove_node(struct sled_softc *sc)
{
	if (sc->sc_cdev != NULL)
		destroy_dev(sc->sc_cdev); /* expected-note {{'sled_remove_node' calls 'destroy_dev', which waits for every thread in the device's methods; from a method, use 'destroy_dev_sched'}} */
	sc->sc_cdev = NULL;
}

static void
sled_retire(struct sled_softc *sc)
{
	sc->sc_state = 0;
	sled_remove_node(sc); /* expected-note {{'sled_retire' calls 'sled_remove_node'}} */
}

static int
sled_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	struct sled_softc *sc = dev->si_drv1;

	if (cmd == 0) {
		/* expected-warning@+1 {{'sled_retire' may call 'destroy_dev' from 'sled_ioctl', a d_ioctl method of a device it may destroy; 'destroy_dev' waits until no thread is in the device's methods, and this thread is in 'sled_ioctl': it waits for itself}} */
		sled_retire(sc);
		return (0);
	}
	return (ENOTTY);
}

static struct cdevsw sled_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = sled_ioctl, /* expected-note {{'sled_ioctl' is the d_ioctl of 'sled_cdevsw'}} */
	.d_name = "sled",
};

static int
sled_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &sled_cdevsw;
		args.mda_si_drv1 = &sled_sc;
		return (make_dev_s(&args, &sled_sc.sc_cdev, "sled"));
	case MOD_UNLOAD:
		sled_retire(&sled_sc);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(sled, sled_modevent, NULL);
MODULE_VERSION(sled, 1);
