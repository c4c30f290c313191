/*
 * unload-leaves-registration, correct twin of ulr-eventhandler-define.c and
 * ulr-eventhandler-no-deregister.c.
 * CORRECT: both handlers are registered on MOD_LOAD and deregistered on
 * MOD_UNLOAD before the data they use is freed. The per-vnet counters
 * come from a VNET_SYSINIT/VNET_SYSUNINIT pair, whose SYSUNINIT halves
 * run each vnet's destructor when the module is unloaded.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/malloc.h>
#include <sys/eventhandler.h>
#include <net/vnet.h>
#include <vm/uma.h>

struct acmecache_entry {
	uint64_t key;
	char data[240];
};

static uma_zone_t acmecache_zone;
static eventhandler_tag acmecache_lowmem_tag;
static eventhandler_tag acmecache_shutdown_tag;

VNET_DEFINE_STATIC(u_long, acmecache_hits);
#define V_acmecache_hits VNET(acmecache_hits)

static void
acmecache_vnet_init(const void *arg __unused)
{
	V_acmecache_hits = 0;
}
VNET_SYSINIT(acmecache_vnet_init, SI_SUB_PROTO_DOMAIN, SI_ORDER_ANY,
    acmecache_vnet_init, NULL);

static void
acmecache_vnet_uninit(const void *arg __unused)
{
	printf("acmecache: %lu hits in this vnet\n", V_acmecache_hits);
}
VNET_SYSUNINIT(acmecache_vnet_uninit, SI_SUB_PROTO_DOMAIN, SI_ORDER_ANY,
    acmecache_vnet_uninit, NULL);

static void
acmecache_lowmem(void *arg __unused, int flags __unused)
{
	uma_zone_reserve(acmecache_zone, 0);
}

static void
acmecache_shutdown(void *arg __unused, int howto __unused)
{
	printf("acmecache: shutting down\n");
}

static int
acmecache_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmecache_zone = uma_zcreate("acmecache",
		    sizeof(struct acmecache_entry), NULL, NULL, NULL, NULL,
		    UMA_ALIGN_PTR, 0);
		acmecache_lowmem_tag = EVENTHANDLER_REGISTER(vm_lowmem,
		    acmecache_lowmem, NULL, EVENTHANDLER_PRI_FIRST);
		acmecache_shutdown_tag = EVENTHANDLER_REGISTER(shutdown_pre_sync,
		    acmecache_shutdown, NULL, SHUTDOWN_PRI_DEFAULT);
		return (0);
	case MOD_UNLOAD:
		EVENTHANDLER_DEREGISTER(shutdown_pre_sync, acmecache_shutdown_tag);
		EVENTHANDLER_DEREGISTER(vm_lowmem, acmecache_lowmem_tag);
		uma_zdestroy(acmecache_zone);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmecache_mod = {
	"acmecache",
	acmecache_modevent,
	NULL
};
DECLARE_MODULE(acmecache, acmecache_mod, SI_SUB_PROTO_DOMAIN, SI_ORDER_ANY);
MODULE_VERSION(acmecache, 1);
