/*
 * deferred-work-outlives-module (Linux side): a timer deleted without _sync.
 * BUG: probe arms a self-rearming timer. remove() calls del_timer(), which
 * only dequeues a pending timer: a callback already running on another
 * CPU keeps running, re-arms the timer and touches the state that remove()
 * frees right after. Once the last device is gone rmmod can free the
 * callback's text too. Use timer_shutdown_sync() (or del_timer_sync()).
 * Report: modlife-deferred-work-outlives-module at linux-timer-del-not-sync.c:42
 * Note: linux-timer-del-not-sync.c:50 del_timer does not wait for a running callback
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

struct ledblink {
	struct platform_device *pdev;
	struct timer_list timer;
	bool on;
};

static void ledblink_tick(struct timer_list *t)
{
	struct ledblink *lb = from_timer(lb, t, timer);

	lb->on = !lb->on;
	mod_timer(&lb->timer, jiffies + HZ / 2);
}

static int ledblink_probe(struct platform_device *pdev)
{
	struct ledblink *lb;

	lb = kzalloc(sizeof(*lb), GFP_KERNEL);
	if (!lb)
		return -ENOMEM;
	lb->pdev = pdev;
	timer_setup(&lb->timer, ledblink_tick, 0);
	platform_set_drvdata(pdev, lb);
	mod_timer(&lb->timer, jiffies + HZ / 2); /* report: ledblink_tick can outlive remove() */
	return 0;
}

static int ledblink_remove(struct platform_device *pdev)
{
	struct ledblink *lb = platform_get_drvdata(pdev);

	del_timer(&lb->timer); /* note: does not wait for a running ledblink_tick */
	kfree(lb);
	return 0;
}

static struct platform_driver ledblink_driver = {
	.probe = ledblink_probe,
	.remove = ledblink_remove,
	.driver = { .name = "ledblink" },
};
module_platform_driver(ledblink_driver);
MODULE_LICENSE("GPL");
