/*
 * modlife-modevent-contract, FreeBSD: handlers that answer unknown events
 * with an error, each in another way, and one that never looks at the
 * event. None is reported.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static int gauge_ready;

/* The default arm stores EOPNOTSUPP; the return after the switch gives it. */
static int
gauge_modevent(module_t mod, int type, void *arg)
{
	int error = 0;

	switch (type) {
	case MOD_LOAD:
		gauge_ready = 1;
		break;
	case MOD_UNLOAD:
		gauge_ready = 0;
		break;
	default:
		error = EOPNOTSUPP;
		break;
	}
	return (error);
}

DEV_MODULE(gauge, gauge_modevent, NULL);

/* No default, but every arm returns and the code after the switch refuses. */
static int
meter_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		return (0);
	case MOD_UNLOAD:
		return (0);
	}
	return (EOPNOTSUPP);
}

static moduledata_t meter_mod = { "meter", meter_modevent, NULL };
DECLARE_MODULE(meter, meter_mod, SI_SUB_DRIVERS, SI_ORDER_ANY);

/* Tests by if; everything else gets EINVAL, an error all the same. */
static int
dial_modevent(module_t mod, int what, void *arg)
{
	if (what == MOD_LOAD)
		return (0);
	if (what == MOD_UNLOAD)
		return (0);
	return (EINVAL);
}

DEV_MODULE(dial, dial_modevent, NULL);

/* Never looks at the event: all events are alike to it. */
static int
plain_modevent(module_t mod, int what, void *arg)
{
	return (0);
}

DEV_MODULE(plain, plain_modevent, NULL);

/* Unknown events go on to another handler, which decides. */
static int
knob_common(int what)
{
	return (what == MOD_QUIESCE ? 0 : EOPNOTSUPP);
}

static int
knob_modevent(module_t mod, int what, void *arg)
{
	switch (what) {
	case MOD_LOAD:
	case MOD_UNLOAD:
		return (0);
	}
	return (knob_common(what));
}

DEV_MODULE(knob, knob_modevent, NULL);
MODULE_VERSION(gauge, 1);
