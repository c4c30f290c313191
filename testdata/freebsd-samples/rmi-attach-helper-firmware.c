/*
 * request-module-in-init: firmware_get() from attach, through a helper.
 * BUG: the case from the 2021 kldload/kldunload review. DRIVER_MODULE's
 * MOD_LOAD handler adds the driver to pci, which probes and attaches at
 * once, still inside kldload; acmewl_attach() calls acmewl_load_fw(),
 * and firmware_get() then waits for a linker that is busy loading
 * acmewl.ko itself. Do the firmware load from a taskqueue (or at
 * interface-up time) instead.
 * Report: modlife-request-module-in-init at rmi-attach-helper-firmware.c:64
 * Note: rmi-attach-helper-firmware.c:35 acmewl_load_fw calls firmware_get
 * Note: rmi-attach-helper-firmware.c:84 acmewl_attach is the device_attach method; DRIVER_MODULE attaches devices from MOD_LOAD
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/rman.h>
#include <sys/firmware.h>
#include <machine/bus.h>

struct acmewl_softc {
	device_t sc_dev;
	struct resource *sc_mem;
	int sc_mem_rid;
	uint32_t sc_fw_version;
};

static int
acmewl_load_fw(struct acmewl_softc *sc)
{
	const struct firmware *fw;

	fw = firmware_get("acmewl_fw"); /* note: may load acmewl_fw.ko and sleep until it is loaded */
	if (fw == NULL) {
		device_printf(sc->sc_dev, "could not load firmware\n");
		return (ENOENT);
	}
	sc->sc_fw_version = fw->version;
	firmware_put(fw, FIRMWARE_UNLOAD);
	return (0);
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
	int error;

	sc->sc_dev = dev;
	sc->sc_mem_rid = 0x10;
	sc->sc_mem = bus_alloc_resource_any(dev, SYS_RES_MEMORY,
	    &sc->sc_mem_rid, RF_ACTIVE);
	if (sc->sc_mem == NULL)
		return (ENXIO);
	error = acmewl_load_fw(sc); /* report: attach runs inside kldload of this module */
	if (error != 0) {
		bus_release_resource(dev, SYS_RES_MEMORY, sc->sc_mem_rid,
		    sc->sc_mem);
		return (error);
	}
	return (0);
}

static int
acmewl_detach(device_t dev)
{
	struct acmewl_softc *sc = device_get_softc(dev);

	bus_release_resource(dev, SYS_RES_MEMORY, sc->sc_mem_rid, sc->sc_mem);
	return (0);
}

static device_method_t acmewl_methods[] = {
	DEVMETHOD(device_probe, acmewl_probe),
	DEVMETHOD(device_attach, acmewl_attach), /* note: attach runs from the MOD_LOAD of DRIVER_MODULE */
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
