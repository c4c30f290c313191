/*
 * modlife-request-module-in-init, FreeBSD LinuxKPI: request_module() is a
 * macro over kern_kldload(), a synchronous load, even when the handler is
 * written in Linux style (busy-linker pack).
 * modlife-mock: freebsd-linuxkpi
 * modlife-options: --rules=testdata/rules/freebsd-busy-linker.yaml
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <linux/kmod.h>

static int
kpi_modevent(module_t mod, int type, void *arg)
{
	if (type != MOD_LOAD)
		return (type == MOD_UNLOAD ? 0 : EOPNOTSUPP);
	/* expected-warning@+1 {{'request_module' on MOD_LOAD waits for the kernel linker while this module is still loading}} */
	request_module("kpi_backend"); /* expected-note {{nothing uses the result}} */
	return (0);
}

DEV_MODULE(kpi, kpi_modevent, NULL); /* expected-note {{'kpi_modevent' is this module's event handler}} */
