/*
 * modlife-modevent-contract, FreeBSD: a handler with no case for MOD_LOAD
 * (it has nothing to do on load) and no default. Unknown events get 0,
 * which is reported, but a default returning EOPNOTSUPP would fail every
 * load too, so there is no fix-it: a note says to give MOD_LOAD its own
 * case first. (Found on FreeBSD 9.3's ata/atapi-cam.c, where the first
 * version of the check offered that fix-it.)
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>

static int lazy_busy;

static int
lazy_modevent(module_t mod, int what, void *arg)
{
	/* expected-warning@+2 {{module event handler 'lazy_modevent' returns 0 for events it does not handle (MOD_SHUTDOWN); return EOPNOTSUPP for them}} */
	/* expected-note@+1 {{MOD_LOAD reaches the same code: give it a case that returns 0 before making unknown events return EOPNOTSUPP}} */
	switch (what) {
	case MOD_QUIESCE:
		return (lazy_busy ? EBUSY : 0);
	case MOD_UNLOAD:
		lazy_busy = 0;
		break;
	}
	return (0);
}

static moduledata_t lazy_mod = { "lazy", lazy_modevent, NULL };
DECLARE_MODULE(lazy, lazy_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
