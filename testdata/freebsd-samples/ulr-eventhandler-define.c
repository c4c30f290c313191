/*
 * unload-leaves-registration: EVENTHANDLER_DEFINE in a loadable module.
 * BUG: EVENTHANDLER_DEFINE registers acmefan_shutdown from a SYSINIT and
 * keeps the tag in a static that nothing ever deregisters; it is meant
 * for code linked into the kernel. In acmefan.ko, kldunload leaves the
 * shutdown_pre_sync list pointing at freed text, and the next shutdown
 * calls into it. Register on MOD_LOAD and EVENTHANDLER_DEREGISTER on
 * MOD_UNLOAD instead.
 * Report: modlife-unload-leaves-registration at ulr-eventhandler-define.c:28
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/eventhandler.h>

static int acmefan_duty = 40;

static void
acmefan_shutdown(void *arg __unused, int howto __unused)
{
	/* Spin the fans up before the firmware takes over. */
	acmefan_duty = 100;
	printf("acmefan: fans to %d%%\n", acmefan_duty);
}

EVENTHANDLER_DEFINE(shutdown_pre_sync, acmefan_shutdown, NULL, /* report: never deregistered on unload */
    SHUTDOWN_PRI_DEFAULT);

static int
acmefan_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmefan_duty = 40;
		return (0);
	case MOD_UNLOAD:
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmefan_mod = {
	"acmefan",
	acmefan_modevent,
	NULL
};
DECLARE_MODULE(acmefan, acmefan_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmefan, 1);
