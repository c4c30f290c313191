/*
 * deferred-work-outlives-module: a kernel process with no exit handshake.
 * BUG: MOD_LOAD starts a polling kproc that runs acmepoll_loop, module
 * text, until it calls kproc_exit(). MOD_UNLOAD sets the stop flag and
 * wakes the thread, but returns at once: kldunload frees the text while
 * the thread is still asleep in tsleep() or finishing its loop. Unload
 * must sleep until the thread has exited (kproc_exit() wakes up sleepers
 * on the struct proc).
 * Report: modlife-deferred-work-outlives-module at dwo-kproc-no-handshake.c:42
 * Note: dwo-kproc-no-handshake.c:48 MOD_UNLOAD returns before acmepoll_loop has exited
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
acmepoll_modevent(module_t mod, int type, void *arg)
{
	int error;

	switch (type) {
	case MOD_LOAD:
		acmepoll_stop = 0;
		error = kproc_create(acmepoll_loop, NULL, &acmepoll_proc, /* report: the thread can outlive the module */
		    0, 0, "acmepoll");
		return (error);
	case MOD_UNLOAD:
		acmepoll_stop = 1;
		wakeup(&acmepoll_stop);
		return (0); /* note: does not wait for acmepoll_loop to call kproc_exit() */
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t acmepoll_mod = {
	"acmepoll",
	acmepoll_modevent,
	NULL
};
DECLARE_MODULE(acmepoll, acmepoll_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
MODULE_VERSION(acmepoll, 1);
