/*
 * A task on the shared taskqueue_thread that MOD_UNLOAD never drains; the
 * fix drains it before the first free of the MOD_UNLOAD arm.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/uio.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/taskqueue.h>

#define ACMELOG_BUFSZ 4096

MALLOC_DEFINE(M_ACMELOG, "acmelog", "acme log buffer");

static struct cdev *acmelog_dev;
static struct mtx acmelog_mtx;
static struct task acmelog_flush_task;
static char *acmelog_buf;
static int acmelog_len;

static void
acmelog_flush(void *arg __unused, int pending __unused)
{
	mtx_lock(&acmelog_mtx);
	printf("acmelog: %.*s", acmelog_len, acmelog_buf);
	acmelog_len = 0;
	mtx_unlock(&acmelog_mtx);
}

static int
acmelog_write(struct cdev *dev, struct uio *uio, int ioflag)
{
	char chunk[128];
	int error, n;

	n = MIN(uio->uio_resid, (ssize_t)sizeof(chunk));
	error = uiomove(chunk, n, uio);
	if (error != 0)
		return (error);
	mtx_lock(&acmelog_mtx);
	n = MIN(n, ACMELOG_BUFSZ - acmelog_len);
	memcpy(acmelog_buf + acmelog_len, chunk, n);
	acmelog_len += n;
	mtx_unlock(&acmelog_mtx);
	taskqueue_enqueue(taskqueue_thread, &acmelog_flush_task); /* expected-warning {{task 'acmelog_flush_task' runs 'acmelog_flush' from this module, but MOD_UNLOAD in 'acmelog_modevent' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
	return (0);
}

static struct cdevsw acmelog_cdevsw = {
	.d_version = D_VERSION,
	.d_write = acmelog_write,
	.d_name = "acmelog",
};

static int
acmelog_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		mtx_init(&acmelog_mtx, "acmelog", NULL, MTX_DEF);
		acmelog_buf = malloc(ACMELOG_BUFSZ, M_ACMELOG, M_WAITOK | M_ZERO);
		TASK_INIT(&acmelog_flush_task, 0, acmelog_flush, NULL);
		acmelog_dev = make_dev(&acmelog_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0200, "acmelog");
		return (0);
	case MOD_UNLOAD:
		destroy_dev(acmelog_dev);
		taskqueue_drain(taskqueue_thread, &acmelog_flush_task);
		free(acmelog_buf, M_ACMELOG);
		mtx_destroy(&acmelog_mtx);
		return (0); /* expected-note {{MOD_UNLOAD in 'acmelog_modevent' returns without draining 'acmelog_flush_task'}} */
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmelog, acmelog_modevent, NULL); /* expected-note {{'acmelog_modevent' handles the module's events (moduledata.evhand)}} */
MODULE_VERSION(acmelog, 1);
