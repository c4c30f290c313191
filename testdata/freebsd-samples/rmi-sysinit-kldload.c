/*
 * request-module-in-init: kern_kldload() from a SYSINIT function.
 * BUG: the glue module loads its accelerated backend from a SYSINIT.
 * A loadable module's sysinits run inside kldload, with the linker busy
 * loading cryptoglue.ko, and kern_kldload() needs that linker again.
 * Load the backend from a taskqueue or on first use instead (or declare
 * it with MODULE_DEPEND, so that the linker loads it first).
 * Report: modlife-request-module-in-init at rmi-sysinit-kldload.c:36
 * Note: rmi-sysinit-kldload.c:43 SYSINIT runs cryptoglue_init while the file loads
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/linker.h>
#include <sys/proc.h>
#include <sys/syscallsubr.h>

static int cryptoglue_backend_id;
static bool cryptoglue_accel;

bool cryptoglue_accelerated(void);

bool
cryptoglue_accelerated(void)
{
	return (cryptoglue_accel);
}

static void
cryptoglue_init(void *arg __unused)
{
	int error;

	error = kern_kldload(curthread, "cryptoglue_aesni", /* report: loads a module while this one is loading */
	    &cryptoglue_backend_id);
	if (error == 0 || error == EEXIST)
		cryptoglue_accel = true;
	else
		printf("cryptoglue: no accelerated backend (error %d)\n", error);
}
SYSINIT(cryptoglue, SI_SUB_PROTO_END, SI_ORDER_ANY, cryptoglue_init, NULL); /* note: run by the linker while cryptoglue.ko loads */

static void
cryptoglue_uninit(void *arg __unused)
{
	if (cryptoglue_backend_id != 0)
		kern_kldunload(curthread, cryptoglue_backend_id,
		    LINKER_UNLOAD_NORMAL);
}
SYSUNINIT(cryptoglue, SI_SUB_PROTO_END, SI_ORDER_ANY, cryptoglue_uninit, NULL);

static moduledata_t cryptoglue_mod = {
	"cryptoglue",
	NULL,
	NULL
};
DECLARE_MODULE(cryptoglue, cryptoglue_mod, SI_SUB_PROTO_END, SI_ORDER_ANY);
MODULE_VERSION(cryptoglue, 1);
