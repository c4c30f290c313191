/*
 * modlife-request-module-in-init, FreeBSD with the built-in pack alone: a
 * stock kernel runs SYSINITs, MOD_LOAD and the attaches DRIVER_MODULE
 * starts with the linker lock dropped, so loads from there go through
 * (deadlocks-at-load: false in rules/freebsd.yaml). The same code reports
 * with testdata/rules/freebsd-busy-linker.yaml (freebsd-modevent-load.c).
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/firmware.h>
#include <sys/syscallsubr.h>
#include <sys/proc.h>

static const struct firmware *stock_fw;

static int
stock_modevent(module_t mod, int what, void *arg)
{
	int fileid;

	switch (what) {
	case MOD_LOAD:
		stock_fw = firmware_get("stock_ucode");
		if (stock_fw == NULL)
			return (ENOENT);
		return (kern_kldload(curthread, "stock_helper", &fileid));
	case MOD_UNLOAD:
		firmware_put(stock_fw, FIRMWARE_UNLOAD);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t stock_mod = { "stock", stock_modevent, NULL };
DECLARE_MODULE(stock, stock_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);

static void
stock_init(void *arg)
{
	int fileid;

	kern_kldload(curthread, "stock_backend", &fileid);
}
SYSINIT(stock, SI_SUB_PROTO_END, SI_ORDER_ANY, stock_init, NULL);
