/*
 * This file arms a task but wires no unload, detach or MOD_UNLOAD: the
 * module's teardown lives in another file, which may drain it. Nothing to
 * report here.
 * modlife-mock: freebsd
 */
// expected-no-diagnostics
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/taskqueue.h>

static struct task acmeaux_task;
static int acmeaux_runs;

static void
acmeaux_run(void *arg __unused, int pending __unused)
{
	acmeaux_runs++;
}

void acmeaux_start(void);

void
acmeaux_start(void)
{
	TASK_INIT(&acmeaux_task, 0, acmeaux_run, NULL);
	taskqueue_enqueue(taskqueue_thread, &acmeaux_task);
}
