/*
 * modlife-deferred-work-outlives-module, FreeBSD: a shape from FreeBSD
 * 9.3's iwi that a first version reported: detach drains its task through
 * net80211's inline wrapper ieee80211_draintask(), a header function over
 * taskqueue_drain().
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/malloc.h>
#include <sys/callout.h>
#include <sys/taskqueue.h>
#include <net80211/ieee80211_var.h>

struct wifi_softc {
	struct ieee80211com sc_ic;
	struct task sc_radiotask;
	char *sc_fw;
};

static void
wifi_radio_task(void *arg, int pending)
{
}

static int
wifi_attach(device_t dev)
{
	struct wifi_softc *sc = device_get_softc(dev);

	TASK_INIT(&sc->sc_radiotask, 0, wifi_radio_task, sc);
	ieee80211_runtask(&sc->sc_ic, &sc->sc_radiotask);
	return (0);
}

static int
wifi_detach(device_t dev)
{
	struct wifi_softc *sc = device_get_softc(dev);

	ieee80211_draintask(&sc->sc_ic, &sc->sc_radiotask);
	free(sc->sc_fw, M_DEVBUF);
	return (0);
}

static device_method_t wifi_methods[] = {
	DEVMETHOD(device_attach, wifi_attach),
	DEVMETHOD(device_detach, wifi_detach),
	DEVMETHOD_END
};
static driver_t wifi_driver = { "wifi", wifi_methods, sizeof(struct wifi_softc) };
DRIVER_MODULE(wifi, pci, wifi_driver, NULL, NULL);

