/*
 * modlife-request-module-in-init, FreeBSD: a module event handler loads
 * other modules on MOD_LOAD, while the kernel linker is still busy loading
 * this one. The same load on MOD_UNLOAD is fine. Only a kernel that keeps
 * the linker busy across kldload deadlocks here: the local pack says so.
 * modlife-mock: freebsd
 * modlife-options: --rules=testdata/rules/freebsd-busy-linker.yaml
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/linker.h>
#include <sys/firmware.h>
#include <sys/syscallsubr.h>
#include <sys/proc.h>

static const struct firmware *ucode;

static int
loadall_modevent(module_t mod, int what, void *arg)
{
	int error, fileid;

	switch (what) {
	case MOD_LOAD:
		/* expected-warning@+1 {{'firmware_get' on MOD_LOAD waits for the kernel linker while this module is still loading; the load can deadlock or recurse}} */
		ucode = firmware_get("loadall_ucode"); /* expected-note {{the result is used, so the load cannot simply stop waiting: load the module from a task that MOD_LOAD queues and repeat the lookup there, or load it on first use instead of while the module loads}} */
		if (ucode == NULL)
			return (ENOENT);
		/* expected-warning@+1 {{'kern_kldload' on MOD_LOAD waits for the kernel linker}} */
		kern_kldload(curthread, "loadall_helper", &fileid); /* expected-note {{nothing uses the result: load the module from a task that MOD_LOAD queues}} */
		return (0);
	case MOD_UNLOAD:
		/* Not load time: the linker is unloading this module, not loading it. */
		error = kern_kldload(curthread, "loadall_cleanup", &fileid);
		if (ucode != NULL)
			firmware_put(ucode, FIRMWARE_UNLOAD);
		return (error);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t loadall_mod = {
	"loadall",
	loadall_modevent, /* expected-note 2 {{'loadall_modevent' is this module's event handler; the kernel calls it with MOD_LOAD while the module loads}} */
	NULL
};
DECLARE_MODULE(loadall, loadall_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(loadall, 1);
