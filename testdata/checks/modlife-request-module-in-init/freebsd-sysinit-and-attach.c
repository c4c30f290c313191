/*
 * modlife-request-module-in-init, FreeBSD: a SYSINIT function and an
 * attach routine (DRIVER_MODULE attaches devices from MOD_LOAD) load a
 * module, the attach through a helper. Detach and SYSUNINIT are not load
 * time. Reported with the busy-linker pack only (see freebsd-stock-kernel.c).
 * modlife-mock: freebsd
 * modlife-options: --rules=testdata/rules/freebsd-busy-linker.yaml
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/firmware.h>
#include <sys/syscallsubr.h>
#include <sys/proc.h>

static void
glue_init(void *arg)
{
	int fileid;

	/* expected-warning@+1 {{'kern_kldload' in module init waits for the kernel linker while this module is still loading}} */
	kern_kldload(curthread, "glue_backend", &fileid); /* expected-note {{nothing uses the result: load the module from a work item that module init queues}} */
}
SYSINIT(glue, SI_SUB_PROTO_END, SI_ORDER_ANY, glue_init, NULL); /* expected-note {{'glue_init' is this module's init function}} */

static void
glue_fini(void *arg)
{
	int fileid;

	kern_kldload(curthread, "glue_reaper", &fileid);
}
SYSUNINIT(glue, SI_SUB_PROTO_END, SI_ORDER_ANY, glue_fini, NULL);

static const struct firmware *
glue_fw(void)
{
	return (firmware_get("glue_fw")); /* expected-note {{'glue_fw' calls 'firmware_get', which waits for the kernel linker}} expected-note {{the result is used}} */
}

static int
glue_probe(device_t dev)
{
	return (0);
}

static int
glue_attach(device_t dev)
{
	/* expected-warning@+1 {{'glue_fw' may call 'firmware_get' from device_attach, which waits for the kernel linker while this module is still loading}} */
	if (glue_fw() == NULL)
		return (ENXIO);
	return (0);
}

static int
glue_detach(device_t dev)
{
	int fileid;

	return (kern_kldload(curthread, "glue_detached", &fileid));
}

static device_method_t glue_methods[] = {
	DEVMETHOD(device_probe, glue_probe),
	DEVMETHOD(device_attach, glue_attach), /* expected-note {{'glue_attach' is a device_attach routine, which runs while this module loads}} */
	DEVMETHOD(device_detach, glue_detach),
	DEVMETHOD_END
};

static driver_t glue_driver = { "glue", glue_methods, 0 };
DRIVER_MODULE(glue, pci, glue_driver, NULL, NULL);
