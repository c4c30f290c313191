/*
 * modlife-unload-leaves-registration: EVENTHANDLER_DEFINE in a loadable
 * module (the test build defines KLD_MODULE) registers from a SYSINIT and
 * nothing deregisters it. Its own EVENTHANDLER_REGISTER is not reported a
 * second time.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/eventhandler.h>

static int fan_duty;

static void
fan_shutdown(void *arg __unused, int howto __unused)
{
	fan_duty = 100;
}

/* expected-warning@+2 {{'EVENTHANDLER_DEFINE' registers an event handler that nothing removes when this loadable module unloads}} */
/* expected-note@+1 {{in a module, use EVENTHANDLER_REGISTER on load and EVENTHANDLER_DEREGISTER on unload}} */
EVENTHANDLER_DEFINE(shutdown_pre_sync, fan_shutdown, NULL,
    SHUTDOWN_PRI_DEFAULT);

static int
fan_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
	case MOD_UNLOAD:
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t fan_mod = { "fan", fan_modevent, NULL };
DECLARE_MODULE(fan, fan_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
