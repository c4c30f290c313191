/*
 * modlife-missing-release-on-error, FreeBSD: attach loads the microcode
 * and fails when the image is too small, still holding it. newbus does not
 * call detach after a failed attach, so nothing calls firmware_put: the
 * image, and the firmware module that carries it, can never be unloaded.
 * The fix releases the image before the failure return.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/firmware.h>

struct ucode_softc {
	device_t dev;
	int loaded;
};

static int
ucode_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
ucode_attach(device_t dev)
{
	struct ucode_softc *sc = device_get_softc(dev);
	const struct firmware *fw;

	sc->dev = dev;
	fw = firmware_get("ucode_fw"); /* expected-note {{the firmware image is taken here, when 'firmware_get' succeeds}} */
	if (fw == NULL)
		return (ENOENT);
	if (fw->datasize < 16) {
		firmware_put(fw, FIRMWARE_UNLOAD);
		return (EINVAL);
	} /* expected-warning {{failure return keeps the firmware image taken by 'firmware_get'}} */
	sc->loaded = 1;
	firmware_put(fw, FIRMWARE_UNLOAD);
	return (0);
}

static int
ucode_detach(device_t dev)
{
	return (0);
}

static device_method_t ucode_methods[] = {
	DEVMETHOD(device_probe, ucode_probe),
	DEVMETHOD(device_attach, ucode_attach),
	DEVMETHOD(device_detach, ucode_detach),
	DEVMETHOD_END
};

static driver_t ucode_driver = { "ucode", ucode_methods, sizeof(struct ucode_softc) };
DRIVER_MODULE(ucode, pci, ucode_driver, NULL, NULL);
