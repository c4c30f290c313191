/*
 * modlife-unload-leaves-registration: EVENTHANDLER_DEFINE in code built
 * into the kernel (no KLD_MODULE) is what the macro is for: the code is
 * never unloaded, so nothing is reported.
 * modlife-mock: freebsd
 */
#undef KLD_MODULE
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/eventhandler.h>

static int fan_duty;

static void
fan_shutdown(void *arg __unused, int howto __unused)
{
	fan_duty = 100;
}

EVENTHANDLER_DEFINE(shutdown_pre_sync, fan_shutdown, NULL,
    SHUTDOWN_PRI_DEFAULT);

/* expected-no-diagnostics */
