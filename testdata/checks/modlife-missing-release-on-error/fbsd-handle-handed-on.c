/*
 * modlife-missing-release-on-error, FreeBSD, no finding: the image is
 * handed on before the failure return. The ioctl installs a new image in
 * the softc, which owns it from then on (detach releases it), and returns
 * an error if the device rejects it. The task hands its image to the
 * driver's own helper, which keeps it. Once a handle is stored or given to
 * this module's code, what the path still holds is no longer known.
 * expected-no-diagnostics
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/firmware.h>

struct dial_softc {
	device_t dev;
	struct cdev *cdev;
	const struct firmware *fw;
	const struct firmware *patch;
	int ready;
};

static void
dial_keep_patch(struct dial_softc *sc, const struct firmware *fw)
{
	sc->patch = fw;
}

static void
dial_load_patch(struct dial_softc *sc)
{
	const struct firmware *fw;

	fw = firmware_get("dial_patch");
	if (fw == NULL)
		return;
	if (sc->ready) {
		firmware_put(fw, FIRMWARE_UNLOAD); /* patched already */
		return;
	}
	dial_keep_patch(sc, fw);
	if (sc->patch != fw)
		return;
	sc->ready = 1;
}

static int
dial_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	struct dial_softc *sc = dev->si_drv1;
	const struct firmware *fw, *old;

	fw = firmware_get("dial_fw");
	if (fw == NULL)
		return (ENOENT);
	old = sc->fw;
	sc->fw = fw;
	if (old != NULL)
		firmware_put(old, FIRMWARE_UNLOAD);
	if (fw->datasize < 64)
		return (EINVAL);
	dial_load_patch(sc);
	return (0);
}

static struct cdevsw dial_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = dial_ioctl,
	.d_name = "dial",
};

static int
dial_probe(device_t dev)
{
	return (BUS_PROBE_DEFAULT);
}

static int
dial_attach(device_t dev)
{
	struct dial_softc *sc = device_get_softc(dev);
	struct make_dev_args args;

	sc->dev = dev;
	make_dev_args_init(&args);
	args.mda_devsw = &dial_cdevsw;
	args.mda_si_drv1 = sc;
	return (make_dev_s(&args, &sc->cdev, "dial"));
}

static int
dial_detach(device_t dev)
{
	struct dial_softc *sc = device_get_softc(dev);

	destroy_dev(sc->cdev);
	if (sc->patch != NULL)
		firmware_put(sc->patch, FIRMWARE_UNLOAD);
	if (sc->fw != NULL)
		firmware_put(sc->fw, FIRMWARE_UNLOAD);
	return (0);
}

static device_method_t dial_methods[] = {
	DEVMETHOD(device_probe, dial_probe),
	DEVMETHOD(device_attach, dial_attach),
	DEVMETHOD(device_detach, dial_detach),
	DEVMETHOD_END
};

static driver_t dial_driver = { "dial", dial_methods, sizeof(struct dial_softc) };
DRIVER_MODULE(dial, pci, dial_driver, NULL, NULL);
