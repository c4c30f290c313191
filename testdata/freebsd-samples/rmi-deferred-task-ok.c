/*
 * request-module-in-init, correct twin of rmi-attach-helper-firmware.c.
 * CORRECT: attach only queues the firmware load on taskqueue_thread; the
 * task runs after kldload has returned and the linker is free. Detach
 * drains the task before the softc and the module can go away, and the
 * task releases the image on every path.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/taskqueue.h>
#include <sys/firmware.h>

struct acmewl_softc {
	device_t sc_dev;
	struct mtx sc_mtx;
	struct task sc_fw_task;
	uint32_t sc_fw_version;
	bool sc_running;
};

static void
acmewl_fw_task(void *arg, int pending __unused)
{
	struct acmewl_softc *sc = arg;
	const struct firmware *fw;

	fw = firmware_get("acmewl_fw");
	if (fw == NULL) {
		device_printf(sc->sc_dev, "could not load firmware\n");
		return;
	}
	mtx_lock(&sc->sc_mtx);
	sc->sc_fw_version = fw->version;
	sc->sc_running = true;
	mtx_unlock(&sc->sc_mtx);
	firmware_put(fw, FIRMWARE_UNLOAD);
}

static int
acmewl_probe(device_t dev)
{
	device_set_desc(dev, "Acme wireless adapter");
	return (BUS_PROBE_DEFAULT);
}

static int
acmewl_attach(device_t dev)
{
	struct acmewl_softc *sc = device_get_softc(dev);

	sc->sc_dev = dev;
	mtx_init(&sc->sc_mtx, device_get_nameunit(dev), NULL, MTX_DEF);
	TASK_INIT(&sc->sc_fw_task, 0, acmewl_fw_task, sc);
	taskqueue_enqueue(taskqueue_thread, &sc->sc_fw_task);
	return (0);
}

static int
acmewl_detach(device_t dev)
{
	struct acmewl_softc *sc = device_get_softc(dev);

	taskqueue_drain(taskqueue_thread, &sc->sc_fw_task);
	mtx_destroy(&sc->sc_mtx);
	return (0);
}

static device_method_t acmewl_methods[] = {
	DEVMETHOD(device_probe, acmewl_probe),
	DEVMETHOD(device_attach, acmewl_attach),
	DEVMETHOD(device_detach, acmewl_detach),
	DEVMETHOD_END
};

static driver_t acmewl_driver = {
	"acmewl",
	acmewl_methods,
	sizeof(struct acmewl_softc)
};

DRIVER_MODULE(acmewl, pci, acmewl_driver, NULL, NULL);
MODULE_DEPEND(acmewl, pci, 1, 1, 1);
MODULE_DEPEND(acmewl, firmware, 1, 1, 1);
