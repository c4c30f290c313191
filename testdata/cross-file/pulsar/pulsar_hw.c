/* pulsar_hw.c -- hardware helpers. Some sleep, some do not, and one
 * sleeps only when its caller's flags allow it. */
#include <linux/module.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include "pulsar.h"

static int pulsar_load_ring(struct pulsar_dev *d)
{
	d->ring = kmalloc(4096, GFP_KERNEL);
	return d->ring ? 0 : -ENOMEM;
}

/* Sleeps: through a static helper of this file. */
int pulsar_hw_wake(struct pulsar_dev *d)
{
	return pulsar_load_ring(d);
}

/* Never sleeps: an atomic allocation and a busy wait. */
int pulsar_hw_poke(struct pulsar_dev *d)
{
	void *p = kmalloc(64, GFP_ATOMIC);
	if (!p)
		return -ENOMEM;
	kfree(p);
	mdelay(1);
	return 0;
}

/* Sleeps when the caller's flags allow it. */
void *pulsar_hw_alloc(struct pulsar_dev *d, int gfp)
{
	return kmalloc(256, gfp);
}

/* Sleeps through another file's function: pulsar_util.c. */
int pulsar_hw_settle(struct pulsar_dev *d)
{
	return pulsar_util_wait(d);
}

/* Drops the count its caller took: the entry points' shared failure path. */
void pulsar_hw_abort(struct pulsar_dev *d)
{
	d->users--;
	MOD_DEC_USE_COUNT;
}
