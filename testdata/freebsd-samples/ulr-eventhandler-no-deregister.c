/*
 * unload-leaves-registration: eventhandler_register() without deregister.
 * BUG: MOD_LOAD hooks vm_lowmem so that the cache can shrink under
 * memory pressure. MOD_UNLOAD destroys the zone but never calls
 * EVENTHANDLER_DEREGISTER, so the vm_lowmem list keeps the tag and
 * the pagedaemon later calls acmecache_lowmem in unloaded text.
 * Report: modlife-unload-leaves-registration at ulr-eventhandler-no-deregister.c:43
 * Note: ulr-eventhandler-no-deregister.c:48 MOD_UNLOAD returns with the handler still registered
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/malloc.h>
#include <sys/eventhandler.h>
#include <vm/uma.h>

struct acmecache_entry {
	uint64_t key;
	char data[240];
};

static uma_zone_t acmecache_zone;
static eventhandler_tag acmecache_lowmem_tag;
static u_long acmecache_trims;

static void
acmecache_lowmem(void *arg __unused, int flags __unused)
{
	acmecache_trims++;
	uma_zone_reserve(acmecache_zone, 0);
}

static int
acmecache_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmecache_zone = uma_zcreate("acmecache",
		    sizeof(struct acmecache_entry), NULL, NULL, NULL, NULL,
		    UMA_ALIGN_PTR, 0);
		acmecache_lowmem_tag = EVENTHANDLER_REGISTER(vm_lowmem, /* report: not deregistered on unload */
		    acmecache_lowmem, NULL, EVENTHANDLER_PRI_FIRST);
		return (0);
	case MOD_UNLOAD:
		uma_zdestroy(acmecache_zone);
		return (0); /* note: acmecache_lowmem is still on vm_lowmem */
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmecache_mod = {
	"acmecache",
	acmecache_modevent,
	NULL
};
DECLARE_MODULE(acmecache, acmecache_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmecache, 1);
