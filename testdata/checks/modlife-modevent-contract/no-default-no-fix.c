/*
 * modlife-modevent-contract, FreeBSD: unknown events succeed, in shapes
 * the check reports without a fix-it: an if chain, and a switch whose last
 * arm would fall into a new default arm.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>

static int lamp_ready;

static int
/* expected-warning@+1 {{module event handler 'lamp_modevent' returns 0 for events it does not handle (MOD_QUIESCE, MOD_SHUTDOWN); return EOPNOTSUPP for them}} */
lamp_modevent(module_t mod, int what, void *arg)
{
	if (what == MOD_LOAD)
		lamp_ready = 1;
	else if (what == MOD_UNLOAD)
		lamp_ready = 0;
	return (0);
}

DEV_MODULE(lamp, lamp_modevent, NULL);

static int
bell_modevent(module_t mod, int type, void *arg)
{
	/* expected-warning@+1 {{module event handler 'bell_modevent' returns 0 for events it does not handle (MOD_SHUTDOWN); return EOPNOTSUPP for them}} */
	switch (type) {
	case MOD_LOAD:
		lamp_ready = 2;
		break;
	case MOD_QUIESCE:
		break;
	case MOD_UNLOAD:
		lamp_ready = 0;
	}
	return (0);
}

DEV_MODULE(bell, bell_modevent, NULL);
MODULE_VERSION(lamp, 1);
