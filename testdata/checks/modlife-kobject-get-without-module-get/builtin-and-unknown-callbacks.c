/*
 * modlife-kobject-get-without-module-get: code built into the kernel is
 * never unloaded, so its own work functions need no stop; and a callback
 * held in a local variable may well be this file's own function. Silent.
 * modlife-mock: linux-6-builtin
 */
#include <linux/device.h>
#include <linux/workqueue.h>

// expected-no-diagnostics

struct notifier {
	struct device *dev;
	struct work_struct work;
	int fast;
};

static void notifier_slow(struct work_struct *work)
{
}

static void notifier_fast(struct work_struct *work)
{
}

void notifier_fire(struct notifier *n)
{
	get_device(n->dev);
	INIT_WORK(&n->work, notifier_slow);
	schedule_work(&n->work);
}

void notifier_fire_chosen(struct notifier *n)
{
	work_func_t fn = n->fast ? notifier_fast : notifier_slow;

	get_device(n->dev);
	INIT_WORK(&n->work, fn);
	schedule_work(&n->work);
}
