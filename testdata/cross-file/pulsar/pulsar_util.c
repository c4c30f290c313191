/* pulsar_util.c -- a third file, two calls away from the entry point. */
#include <linux/module.h>
#include <linux/sched.h>
#include "pulsar.h"

int pulsar_util_wait(struct pulsar_dev *d)
{
	schedule_timeout(10);
	return 0;
}
