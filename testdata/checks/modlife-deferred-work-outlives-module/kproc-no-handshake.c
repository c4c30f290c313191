/*
 * kproc_create() on MOD_LOAD; MOD_UNLOAD wakes the thread but does not sleep
 * on its proc until kproc_exit() wakes it.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/kthread.h>
#include <sys/proc.h>

static struct proc *acmepoll_proc;
static int acmepoll_stop;
static u_long acmepoll_rounds;

static void
acmepoll_loop(void *arg __unused)
{
	while (!acmepoll_stop) {
		acmepoll_rounds++;
		tsleep(&acmepoll_stop, PWAIT, "apoll", hz);
	}
	kproc_exit(0);
}

static int
acmepoll_modevent(module_t mod, int type, void *arg) /* expected-note {{wait in MOD_UNLOAD in 'acmepoll_modevent' until 'acmepoll_loop' has exited ('msleep' on what its exit wakes up), before what it uses is freed}} */
{
	int error;

	switch (type) {
	case MOD_LOAD:
		acmepoll_stop = 0;
		error = kproc_create(acmepoll_loop, NULL, &acmepoll_proc, /* expected-warning {{kernel process started here runs 'acmepoll_loop' from this module, but MOD_UNLOAD in 'acmepoll_modevent' does not wait for it to exit; it can run after the teardown frees its state or the module is unloaded}} */
		    0, 0, "acmepoll");
		return (error);
	case MOD_UNLOAD:
		acmepoll_stop = 1;
		wakeup(&acmepoll_stop);
		return (0); /* expected-note {{MOD_UNLOAD in 'acmepoll_modevent' returns without waiting for 'acmepoll_loop' to exit}} */
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmepoll_mod = {
	"acmepoll",
	acmepoll_modevent, /* expected-note {{'acmepoll_modevent' handles the module's events (moduledata.evhand)}} */
	NULL
};
DECLARE_MODULE(acmepoll, acmepoll_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmepoll, 1);
