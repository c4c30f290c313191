/*
 * request-module-in-init: firmware_get() from a MOD_LOAD handler.
 * BUG: acmeuc's event handler fetches its microcode image with
 * firmware_get() on MOD_LOAD. MOD_LOAD runs from this file's sysinit,
 * while the kernel linker is still loading acmeuc.ko; if the image is not
 * registered yet, firmware_get() asks the linker to load acme_ucode.ko
 * and sleeps until it has, so the load can wait on the load it is part
 * of.
 * Report: modlife-request-module-in-init at rmi-modevent-firmware.c:41
 * Note: rmi-modevent-firmware.c:62 acmeuc_modevent is the event handler DECLARE_MODULE registers; it runs MOD_LOAD
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/malloc.h>
#include <sys/firmware.h>

MALLOC_DEFINE(M_ACMEUC, "acmeuc", "acme microcode loader");

static void *acmeuc_image;
static size_t acmeuc_len;

size_t acmeuc_image_size(void);

size_t
acmeuc_image_size(void)
{
	return (acmeuc_image != NULL ? acmeuc_len : 0);
}

static int
acmeuc_modevent(module_t mod, int type, void *arg)
{
	const struct firmware *fw;
	int error = 0;

	switch (type) {
	case MOD_LOAD:
		fw = firmware_get("acme_ucode"); /* report: waits for the linker that is loading this module */
		if (fw == NULL)
			return (ENOENT);
		acmeuc_image = malloc(fw->datasize, M_ACMEUC, M_WAITOK);
		memcpy(acmeuc_image, fw->data, fw->datasize);
		acmeuc_len = fw->datasize;
		firmware_put(fw, FIRMWARE_UNLOAD);
		break;
	case MOD_UNLOAD:
		free(acmeuc_image, M_ACMEUC);
		acmeuc_image = NULL;
		break;
	default:
		error = EOPNOTSUPP;
		break;
	}
	return (error);
}

static moduledata_t acmeuc_mod = {
	"acmeuc",
	acmeuc_modevent, /* note: the module's MOD_LOAD handler */
	NULL
};

DECLARE_MODULE(acmeuc, acmeuc_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmeuc, 1);
MODULE_DEPEND(acmeuc, firmware, 1, 1, 1);
