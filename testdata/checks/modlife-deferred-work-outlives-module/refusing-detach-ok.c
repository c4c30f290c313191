/*
 * modlife-deferred-work-outlives-module, FreeBSD: a shape from FreeBSD
 * 9.3's hptnr that a first version reported: a detach that always refuses
 * (EBUSY) keeps the module, so the callout it never drains cannot outlive
 * it.
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

static struct callout raid_watchdog;

static void
raid_tick(void *arg)
{
}

static int
raid_attach(device_t dev)
{
	callout_init(&raid_watchdog, 1);
	callout_reset(&raid_watchdog, hz, raid_tick, NULL);
	return (0);
}

static int
raid_detach(device_t dev)
{
	/* The array cannot be detached while the system runs. */
	return (EBUSY);
}

static device_method_t raid_methods[] = {
	DEVMETHOD(device_attach, raid_attach),
	DEVMETHOD(device_detach, raid_detach),
	DEVMETHOD_END
};
static driver_t raid_driver = { "raid", raid_methods, 0 };
DRIVER_MODULE(raid, pci, raid_driver, NULL, NULL);
