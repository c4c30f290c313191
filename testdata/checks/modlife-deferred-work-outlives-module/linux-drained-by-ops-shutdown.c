/*
 * The timer and the thread are stopped in a shutdown method that this file
 * hands to its core through a file-scope ops struct (the shape of
 * ipmi_si_intf.c's smi_handlers.shutdown in Linux 6.1): module_exit does
 * not reach it directly, but the drain there counts. Nothing to report.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/slab.h>
// expected-no-diagnostics

struct pinger {
	struct timer_list timer;
	struct task_struct *thread;
	int pings;
};

struct pinger_ops {
	void (*shutdown)(void *data);
};

int pinger_core_register(const struct pinger_ops *ops, void *data);

static struct pinger *the_pinger;

static void pinger_tick(struct timer_list *t)
{
	struct pinger *p = from_timer(p, t, timer);

	p->pings++;
	mod_timer(&p->timer, jiffies + HZ);
}

static int pinger_thread(void *data)
{
	return 0;
}

static void pinger_shutdown(void *data)
{
	struct pinger *p = data;

	kthread_stop(p->thread);
	del_timer_sync(&p->timer);
}

static const struct pinger_ops pinger_ops = {
	.shutdown = pinger_shutdown,
};

static int __init pinger_init(void)
{
	the_pinger = kzalloc(sizeof(*the_pinger), GFP_KERNEL);
	if (!the_pinger)
		return -ENOMEM;
	timer_setup(&the_pinger->timer, pinger_tick, 0);
	mod_timer(&the_pinger->timer, jiffies + HZ);
	the_pinger->thread = kthread_run(pinger_thread, the_pinger, "pinger");
	return pinger_core_register(&pinger_ops, the_pinger);
}

static void __exit pinger_exit(void)
{
}

module_init(pinger_init);
module_exit(pinger_exit);
MODULE_LICENSE("GPL");
