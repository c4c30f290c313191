/*
 * timer_shutdown_sync() and cancel_work_sync() before kfree(): no report.
 * modlife-mock: linux-6
 */
// expected-no-diagnostics
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

struct ledblink {
	struct platform_device *pdev;
	struct timer_list timer;
	struct work_struct report_work;
	unsigned long ticks;
};

static void ledblink_report(struct work_struct *work)
{
	struct ledblink *lb = container_of(work, struct ledblink, report_work);

	dev_info(&lb->pdev->dev, "%lu ticks\n", lb->ticks);
}

static void ledblink_tick(struct timer_list *t)
{
	struct ledblink *lb = from_timer(lb, t, timer);

	if (++lb->ticks % 64 == 0)
		schedule_work(&lb->report_work);
	mod_timer(&lb->timer, jiffies + HZ / 2);
}

static int ledblink_probe(struct platform_device *pdev)
{
	struct ledblink *lb;

	lb = kzalloc(sizeof(*lb), GFP_KERNEL);
	if (!lb)
		return -ENOMEM;
	lb->pdev = pdev;
	INIT_WORK(&lb->report_work, ledblink_report);
	timer_setup(&lb->timer, ledblink_tick, 0);
	platform_set_drvdata(pdev, lb);
	mod_timer(&lb->timer, jiffies + HZ / 2);
	return 0;
}

static int ledblink_remove(struct platform_device *pdev)
{
	struct ledblink *lb = platform_get_drvdata(pdev);

	timer_shutdown_sync(&lb->timer);
	cancel_work_sync(&lb->report_work);
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
