/*
 * modlife-put-self-then-return, Linux 6.1: a session thread pins its own
 * module and drops the reference as it leaves, then returns into module
 * code. The fix drops the reference and exits in core code.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/err.h>

struct session {
	int running;
};

static int session_thread(void *arg)
{
	struct session *s = arg;

	while (!kthread_should_stop() && s->running)
		schedule();
	/* expected-note@+3 {{the thread returns into module code here}} */
	/* expected-warning@+1 {{'module_put' drops this module's reference, and the thread 'session_thread' then goes on running the module's code, which can be unloaded as soon as the count reaches zero}} */
	module_put(THIS_MODULE);
	return 0;
}

int session_start(struct session *s)
{
	struct task_struct *t;

	__module_get(THIS_MODULE);
	t = kthread_run(session_thread, s, "session"); /* expected-note {{'session_thread' runs as a kernel thread started here}} */
	if (IS_ERR(t)) {
		module_put(THIS_MODULE);
		return PTR_ERR(t);
	}
	return 0;
}
