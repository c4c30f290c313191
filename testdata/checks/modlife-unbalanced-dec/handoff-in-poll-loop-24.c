/*
 * modlife-unbalanced-dec, regression from Linux 2.4.22 drivers/char/moxa.c
 * (moxa_poll): on hangup the poll loop hands the open()'s count to a task
 * (MOD_DEC_USE_COUNT, then schedule_task), and takes it back when the task
 * was not queued. The drop is the caller's count, by contract, so the
 * function's own counting says nothing. Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/tqueue.h>

#define NPORTS 8

struct port {
	int hangup;
	struct tq_struct tqueue;
};

static struct port ports[NPORTS];

void poll_ports(void)
{
	int i;

	for (i = 0; i < NPORTS; i++) {
		if (ports[i].hangup) {
			MOD_DEC_USE_COUNT;
			if (schedule_task(&ports[i].tqueue) == 0)
				MOD_INC_USE_COUNT;
		}
	}
}

/* expected-no-diagnostics */
