/*
 * Both tasks drained before the queue and the data are freed.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/ioccom.h>
#include <sys/taskqueue.h>

#define ACMECRYPT_REKEY _IO('K', 1)
#define ACMECRYPT_FLUSH _IO('K', 2)
#define ACMECRYPT_NKEYS 16

MALLOC_DEFINE(M_ACMECRYPT, "acmecrypt", "acme crypto key schedule");

static struct cdev *acmecrypt_dev;
static struct taskqueue *acmecrypt_tq;
static struct task acmecrypt_rekey_task;
static struct task acmecrypt_flush_task;
static uint64_t *acmecrypt_keys;

static void
acmecrypt_rekey(void *arg __unused, int pending __unused)
{
	int i;

	for (i = 0; i < ACMECRYPT_NKEYS; i++)
		acmecrypt_keys[i] = acmecrypt_keys[i] * 6364136223846793005UL + 1;
}

static void
acmecrypt_flush(void *arg __unused, int pending)
{
	printf("acmecrypt: %d flush requests\n", pending);
}

static int
acmecrypt_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	switch (cmd) {
	case ACMECRYPT_REKEY:
		taskqueue_enqueue(acmecrypt_tq, &acmecrypt_rekey_task);
		return (0);
	case ACMECRYPT_FLUSH:
		taskqueue_enqueue(taskqueue_thread, &acmecrypt_flush_task);
		return (0);
	default:
		return (ENOTTY);
	}
}

static struct cdevsw acmecrypt_cdevsw = {
	.d_version = D_VERSION,
	.d_ioctl = acmecrypt_ioctl,
	.d_name = "acmecrypt",
};

static int
acmecrypt_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmecrypt_keys = mallocarray(ACMECRYPT_NKEYS, sizeof(uint64_t),
		    M_ACMECRYPT, M_WAITOK | M_ZERO);
		TASK_INIT(&acmecrypt_rekey_task, 0, acmecrypt_rekey, NULL);
		TASK_INIT(&acmecrypt_flush_task, 0, acmecrypt_flush, NULL);
		acmecrypt_tq = taskqueue_create("acmecrypt", M_WAITOK,
		    taskqueue_thread_enqueue, &acmecrypt_tq);
		taskqueue_start_threads(&acmecrypt_tq, 1, PWAIT, "acmecrypt");
		acmecrypt_dev = make_dev(&acmecrypt_cdevsw, 0, UID_ROOT,
		    GID_WHEEL, 0600, "acmecrypt");
		return (0);
	case MOD_UNLOAD:
		destroy_dev(acmecrypt_dev);
		taskqueue_drain(acmecrypt_tq, &acmecrypt_rekey_task);
		taskqueue_drain(taskqueue_thread, &acmecrypt_flush_task);
		taskqueue_free(acmecrypt_tq);
		free(acmecrypt_keys, M_ACMECRYPT);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmecrypt, acmecrypt_modevent, NULL);
MODULE_VERSION(acmecrypt, 1);
