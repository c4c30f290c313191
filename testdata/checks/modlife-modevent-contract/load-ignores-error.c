/*
 * modlife-modevent-contract, FreeBSD: MOD_LOAD reports success after a
 * call that can fail has failed: the error printed and dropped, a result
 * thrown away, a result tested and then forgotten, and a helper of this
 * file that returns errno values.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>

static struct cdev *probe_dev, *sonar_dev, *radar_dev;
static int radar_range;

static struct cdevsw probe_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "probe",
};

static int
probe_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &probe_cdevsw;
		args.mda_flags = MAKEDEV_NOWAIT;
		/* expected-warning@+1 {{MOD_LOAD returns 0 after 'make_dev_s' fails: the module stays loaded without what it set up; return the error, and the kernel sends MOD_UNLOAD and releases the module}} */
		error = make_dev_s(&args, &probe_dev, "probe");
		if (error != 0)
			printf("probe: no device: %d\n", error);
		return (0); /* expected-note {{MOD_LOAD reports success here after the failure}} */
	case MOD_UNLOAD:
		if (probe_dev != NULL)
			destroy_dev(probe_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(probe, probe_modevent, NULL);

static int
sonar_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &probe_cdevsw;
		/* expected-warning@+1 {{MOD_LOAD returns 0 after 'make_dev_s' fails}} */
		make_dev_s(&args, &sonar_dev, "sonar");
		return (0); /* expected-note {{MOD_LOAD reports success here after the failure}} */
	case MOD_UNLOAD:
		if (sonar_dev != NULL)
			destroy_dev(sonar_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(sonar, sonar_modevent, NULL);

static int
radar_calibrate(int range)
{
	if (range > 100)
		return (EINVAL);
	radar_range = range;
	return (0);
}

static int
radar_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		/* expected-warning@+1 {{MOD_LOAD returns 0 after 'radar_calibrate' fails}} */
		if (radar_calibrate(200) != 0)
			printf("radar: calibration failed\n");
		radar_dev = make_dev(&probe_cdevsw, 1, UID_ROOT, GID_WHEEL,
		    0600, "radar");
		return (0); /* expected-note {{MOD_LOAD reports success here after the failure}} */
	case MOD_UNLOAD:
		if (radar_dev != NULL)
			destroy_dev(radar_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(radar, radar_modevent, NULL);
MODULE_VERSION(probe, 1);
