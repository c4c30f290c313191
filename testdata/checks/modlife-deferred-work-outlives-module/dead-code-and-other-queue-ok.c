/*
 * modlife-deferred-work-outlives-module, FreeBSD: two shapes from real
 * drivers that a first version reported.
 * - Detach drains each task on its own queue in turn, freeing the first
 *   queue before it drains the second task (Amazon's ENA driver):
 *   taskqueue_free() of another queue frees nothing the second task uses.
 * - A start routine disabled by an early return (netmap's kthread start,
 *   "temporarily disabled"): the code after it arms nothing.
 * modlife-mock: freebsd
 * expected-no-diagnostics
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>
#include <sys/callout.h>

struct twoq_softc {
	struct taskqueue *stats_tq, *reset_tq;
	struct task stats_task, reset_task;
	struct callout poll;
	int polling;
};

static void twoq_stats(void *arg, int pending) { }
static void twoq_reset(void *arg, int pending) { }
static void twoq_poll(void *arg) { }

static int
twoq_start_polling(struct twoq_softc *sc)
{
	/* Disabled until the poller is fixed. */
	return (EOPNOTSUPP);

	sc->polling = 1;
	callout_reset(&sc->poll, hz, twoq_poll, sc);
	return (0);
}

static int
twoq_attach(device_t dev)
{
	struct twoq_softc *sc = device_get_softc(dev);

	callout_init(&sc->poll, 1);
	TASK_INIT(&sc->stats_task, 0, twoq_stats, sc);
	TASK_INIT(&sc->reset_task, 0, twoq_reset, sc);
	sc->stats_tq = taskqueue_create("twoq_stats", M_WAITOK,
	    taskqueue_thread_enqueue, &sc->stats_tq);
	sc->reset_tq = taskqueue_create("twoq_reset", M_WAITOK,
	    taskqueue_thread_enqueue, &sc->reset_tq);
	taskqueue_enqueue(sc->stats_tq, &sc->stats_task);
	taskqueue_enqueue(sc->reset_tq, &sc->reset_task);
	(void)twoq_start_polling(sc);
	return (0);
}

static int
twoq_detach(device_t dev)
{
	struct twoq_softc *sc = device_get_softc(dev);

	taskqueue_drain(sc->stats_tq, &sc->stats_task);
	taskqueue_free(sc->stats_tq);
	taskqueue_drain(sc->reset_tq, &sc->reset_task);
	taskqueue_free(sc->reset_tq);
	return (0);
}

static device_method_t twoq_methods[] = {
	DEVMETHOD(device_attach, twoq_attach),
	DEVMETHOD(device_detach, twoq_detach),
	DEVMETHOD_END
};
static driver_t twoq_driver = { "twoq", twoq_methods, sizeof(struct twoq_softc) };
DRIVER_MODULE(twoq, pci, twoq_driver, NULL, NULL);
