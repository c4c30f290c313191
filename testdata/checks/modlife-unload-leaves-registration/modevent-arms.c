/*
 * modlife-unload-leaves-registration: registrations made on MOD_LOAD.
 * One event handler is deregistered on MOD_UNLOAD, the other is not, and
 * the cdev is destroyed nowhere. (A cdev that the handler destroys only on
 * another arm, MOD_SHUTDOWN, is modlife-modevent-contract's.)
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/eventhandler.h>

static eventhandler_tag lowmem_tag, shutdown_tag;
static struct cdev *ctl_dev;
static u_long trims;

static struct cdevsw ctl_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "ctl",
};

static void
cache_lowmem(void *arg __unused, int flags __unused)
{
	trims++;
}

static void
cache_shutdown(void *arg __unused, int howto __unused)
{
	trims = 0;
}

static int
cache_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		/* expected-warning@+1 {{'EVENTHANDLER_REGISTER' makes an event handler registration that unload never undoes ('EVENTHANDLER_DEREGISTER' of 'lowmem_tag')}} */
		lowmem_tag = EVENTHANDLER_REGISTER(vm_lowmem, cache_lowmem,
		    NULL, EVENTHANDLER_PRI_FIRST);
		shutdown_tag = (EVENTHANDLER_REGISTER(shutdown_pre_sync,
		    cache_shutdown, NULL, SHUTDOWN_PRI_DEFAULT));
		/* expected-warning@+1 {{'make_dev' makes a cdev that unload never undoes ('destroy_dev' of 'ctl_dev'); after the module is unloaded it points into freed code}} */
		ctl_dev = make_dev(&ctl_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600,
		    "ctl");
		return (0);
	case MOD_UNLOAD:
		if (trims > 100)
			return (EBUSY);
		EVENTHANDLER_DEREGISTER(shutdown_pre_sync, (shutdown_tag));
		return (0); /* expected-note {{'cache_modevent' (MOD_UNLOAD) returns with the event handler registration still in place; call 'EVENTHANDLER_DEREGISTER' before it returns}} expected-note {{'cache_modevent' (MOD_UNLOAD) returns with the cdev still in place; call 'destroy_dev(ctl_dev)' before it returns}} */
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t cache_mod = { "cache", cache_modevent, NULL };
DECLARE_MODULE(cache, cache_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
