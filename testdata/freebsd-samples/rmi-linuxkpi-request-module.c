/*
 * request-module-in-init: LinuxKPI request_module() from MOD_LOAD.
 * BUG: a driver ported with LinuxKPI keeps Linux's habit of asking for
 * its PHY module at load time. In LinuxKPI, request_module() is a macro
 * over kern_kldload(curthread, ...): it loads the module synchronously,
 * from inside the kldload of this one (request_module_nowait is the same
 * macro, so it does not help here).
 * Compile with -isystem <freebsd mocks>/compat/linuxkpi/common/include too.
 * Report: modlife-request-module-in-init at rmi-linuxkpi-request-module.c:38
 * Note: rmi-linuxkpi-request-module.c:53 acmephy_modevent is the event handler DECLARE_MODULE registers; it runs MOD_LOAD
 * modlife-mock: freebsd-linuxkpi
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>

#include <linux/kmod.h>

static const char *acmephy_variant = "generic";
static int acmephy_loaded;

int acmephy_have_phy(void);

int
acmephy_have_phy(void)
{
	return (acmephy_loaded);
}

static int
acmephy_modevent(module_t mod, int type, void *arg)
{
	int error;

	switch (type) {
	case MOD_LOAD:
		error = request_module("acme_phy_%s", acmephy_variant); /* report: kern_kldload() inside kldload */
		if (error != 0)
			return (error);
		acmephy_loaded = 1;
		return (0);
	case MOD_UNLOAD:
		acmephy_loaded = 0;
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmephy_mod = {
	"acmephy",
	acmephy_modevent, /* note: the module's MOD_LOAD handler */
	NULL
};
DECLARE_MODULE(acmephy, acmephy_mod, SI_SUB_DRIVERS, SI_ORDER_ANY);
MODULE_VERSION(acmephy, 1);
MODULE_DEPEND(acmephy, linuxkpi, 1, 1, 1);
