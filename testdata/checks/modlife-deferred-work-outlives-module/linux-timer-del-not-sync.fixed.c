/*
 * del_timer() in remove, then kfree(): the fix uses del_timer_sync().
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
	mod_timer(&lb->timer, jiffies + HZ / 2); /* expected-warning {{timer 'lb->timer' runs 'ledblink_tick' from this module, but 'ledblink_remove' cancels it without waiting and then frees what it uses; a running 'ledblink_tick' can use freed state}} */
	return 0;
}

static int ledblink_remove(struct platform_device *pdev)
{
	struct ledblink *lb = platform_get_drvdata(pdev);

	del_timer_sync(&lb->timer); /* expected-note {{'del_timer' does not wait for a running 'ledblink_tick'; 'del_timer_sync' does}} */
	kfree(lb); /* expected-note {{'kfree' then frees 'lb' while 'ledblink_tick' may still run}} */
	return 0;
}

static struct platform_driver ledblink_driver = {
	.probe = ledblink_probe,
	.remove = ledblink_remove, /* expected-note {{'ledblink_remove' is the platform_driver.remove method}} */
	.driver = { .name = "ledblink" },
};
module_platform_driver(ledblink_driver);
MODULE_LICENSE("GPL");
