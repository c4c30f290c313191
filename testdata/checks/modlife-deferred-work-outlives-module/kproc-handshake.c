/*
 * The kproc handshake: MOD_UNLOAD sleeps on the proc until kproc_exit().
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/kthread.h>
#include <sys/proc.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>
#include <vm/uma.h>

struct acmepoll_sample {
	u_long round;
	int value;
};

static struct proc *acmepoll_proc;
static struct mtx acmepoll_mtx;
static struct cv acmepoll_cv;
static uma_zone_t acmepoll_zone;
static int acmepoll_stop;
static u_long acmepoll_rounds;

static void
acmepoll_loop(void *arg __unused)
{
	struct acmepoll_sample *s;

	mtx_lock(&acmepoll_mtx);
	while (!acmepoll_stop) {
		s = uma_zalloc(acmepoll_zone, M_NOWAIT | M_ZERO);
		if (s != NULL) {
			s->round = ++acmepoll_rounds;
			uma_zfree(acmepoll_zone, s);
		}
		cv_timedwait(&acmepoll_cv, &acmepoll_mtx, hz);
	}
	mtx_unlock(&acmepoll_mtx);
	kproc_exit(0);
}

static int
acmepoll_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		mtx_init(&acmepoll_mtx, "acmepoll", NULL, MTX_DEF);
		cv_init(&acmepoll_cv, "apoll");
		acmepoll_zone = uma_zcreate("acmepoll",
		    sizeof(struct acmepoll_sample), NULL, NULL, NULL, NULL,
		    UMA_ALIGN_PTR, 0);
		return (kproc_create(acmepoll_loop, NULL, &acmepoll_proc, 0, 0,
		    "acmepoll"));
	case MOD_UNLOAD:
		mtx_lock(&acmepoll_mtx);
		if (acmepoll_proc != NULL) {
			acmepoll_stop = 1;
			cv_signal(&acmepoll_cv);
			msleep(acmepoll_proc, &acmepoll_mtx, PWAIT, "apexit", 0);
		}
		mtx_unlock(&acmepoll_mtx);
		uma_zdestroy(acmepoll_zone);
		cv_destroy(&acmepoll_cv);
		mtx_destroy(&acmepoll_mtx);
		return (0);
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
