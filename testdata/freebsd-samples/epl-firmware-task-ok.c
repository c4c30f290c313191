/*
 * error-path pair leak, correct twin of epl-firmware-task-leak.c.
 * CORRECT: the init task puts the firmware image back on the size error
 * as well as after the upload, so every firmware_get() that succeeded
 * has its firmware_put().
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/taskqueue.h>
#include <sys/firmware.h>

#define ACMENIC_FW_MAX (256 * 1024)

struct acmenic_softc {
	device_t sc_dev;
	struct task sc_init_task;
	int sc_ready;
};

static int
acmenic_upload(struct acmenic_softc *sc, const void *data, size_t len)
{
	return (len == 0 ? EINVAL : 0);
}

static void
acmenic_init_task(void *arg, int pending __unused)
{
	struct acmenic_softc *sc = arg;
	const struct firmware *fw;

	fw = firmware_get("acmenic_fw");
	if (fw == NULL) {
		device_printf(sc->sc_dev, "no firmware\n");
		return;
	}
	if (fw->datasize > ACMENIC_FW_MAX) {
		device_printf(sc->sc_dev, "firmware too large\n");
		firmware_put(fw, FIRMWARE_UNLOAD);
		return;
	}
	if (acmenic_upload(sc, fw->data, fw->datasize) == 0)
		sc->sc_ready = 1;
	firmware_put(fw, FIRMWARE_UNLOAD);
}

static int
acmenic_probe(device_t dev)
{
	device_set_desc(dev, "Acme network adapter");
	return (BUS_PROBE_DEFAULT);
}

static int
acmenic_attach(device_t dev)
{
	struct acmenic_softc *sc = device_get_softc(dev);

	sc->sc_dev = dev;
	TASK_INIT(&sc->sc_init_task, 0, acmenic_init_task, sc);
	taskqueue_enqueue(taskqueue_thread, &sc->sc_init_task);
	return (0);
}

static int
acmenic_detach(device_t dev)
{
	struct acmenic_softc *sc = device_get_softc(dev);

	taskqueue_drain(taskqueue_thread, &sc->sc_init_task);
	return (0);
}

static device_method_t acmenic_methods[] = {
	DEVMETHOD(device_probe, acmenic_probe),
	DEVMETHOD(device_attach, acmenic_attach),
	DEVMETHOD(device_detach, acmenic_detach),
	DEVMETHOD_END
};

static driver_t acmenic_driver = {
	"acmenic",
	acmenic_methods,
	sizeof(struct acmenic_softc)
};

DRIVER_MODULE(acmenic, pci, acmenic_driver, NULL, NULL);
MODULE_DEPEND(acmenic, firmware, 1, 1, 1);
