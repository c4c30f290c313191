/*
 * modlife-modevent-contract, FreeBSD: MOD_LOAD arms that return their
 * errors: at once, through a goto to the cleanup, after a test that
 * returns the error, and a value tested and then overwritten on purpose
 * (a feature that is optional). None is reported.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static struct cdev *pump_dev, *pump_aux_dev;

static struct cdevsw pump_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "pump",
};

static int
pump_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &pump_cdevsw;
		error = make_dev_s(&args, &pump_dev, "pump");
		if (error != 0)
			goto fail;
		args.mda_unit = 1;
		if ((error = make_dev_s(&args, &pump_aux_dev, "pump.aux")) != 0) {
			/* The aux node is optional: go on without it. */
			printf("pump: no aux node: %d\n", error);
			error = 0;
		}
		return (0);
fail:
		return (error);
	case MOD_UNLOAD:
		if (pump_aux_dev != NULL)
			destroy_dev(pump_aux_dev);
		if (pump_dev != NULL)
			destroy_dev(pump_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(pump, pump_modevent, NULL);

static struct cdev *valve_dev;

static int
valve_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;
	int error = 0;

	switch (type) {
	case MOD_LOAD:
		make_dev_args_init(&args);
		args.mda_devsw = &pump_cdevsw;
		error = make_dev_s(&args, &valve_dev, "valve");
		if (error)
			printf("valve: %d\n", error);
		break;
	case MOD_UNLOAD:
		if (valve_dev != NULL)
			destroy_dev(valve_dev);
		break;
	default:
		error = EOPNOTSUPP;
		break;
	}
	return (error);
}

DEV_MODULE(valve, valve_modevent, NULL);
MODULE_VERSION(pump, 1);
