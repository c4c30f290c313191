/*
 * modlife-put-self-then-return, Linux 2.4: a kernel_thread() body that
 * drops the use count and returns. 2.4 has no call that drops the count and
 * exits in core code, so there is no fix-it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched.h>

static int flushd_running;

static int flushd(void *unused)
{
	while (flushd_running)
		schedule();
	MOD_DEC_USE_COUNT; /* expected-warning {{'MOD_DEC_USE_COUNT' drops this module's reference, and the thread 'flushd' then goes on running the module's code}} */
	return 0; /* expected-note {{the thread returns into module code here}} */
}

int flushd_start(void)
{
	MOD_INC_USE_COUNT;
	flushd_running = 1;
	return kernel_thread(flushd, 0, 0); /* expected-note {{'flushd' runs as a kernel thread started here}} */
}
