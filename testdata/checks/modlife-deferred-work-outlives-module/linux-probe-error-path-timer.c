/*
 * probe starts the blink timer, then fails to get its interrupt and returns
 * the error with the timer armed. The driver core frees the devm memory of
 * a device whose probe fails, and does not call remove, so the timer runs
 * on freed memory. remove stops the timer; only the failure path misses
 * it. The fix stops it before that return.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/device.h>

struct ledblink {
	struct platform_device *pdev;
	struct timer_list timer;
	int presses;
	bool on;
};

static void ledblink_tick(struct timer_list *t)
{
	struct ledblink *lb = from_timer(lb, t, timer);

	lb->on = !lb->on;
	mod_timer(&lb->timer, jiffies + HZ / 2);
}

static irqreturn_t ledblink_irq(int irq, void *data)
{
	struct ledblink *lb = data;

	lb->presses++;
	return IRQ_HANDLED;
}

static int ledblink_probe(struct platform_device *pdev)
{
	struct ledblink *lb;
	int irq, ret;

	lb = devm_kzalloc(&pdev->dev, sizeof(*lb), GFP_KERNEL);
	if (!lb)
		return -ENOMEM;
	lb->pdev = pdev;
	timer_setup(&lb->timer, ledblink_tick, 0);
	platform_set_drvdata(pdev, lb);
	mod_timer(&lb->timer, jiffies + HZ / 2); /* expected-warning {{timer 'lb->timer' runs 'ledblink_tick' from this module, but 'ledblink_probe' can fail with it still armed; the state of a device whose probe fails is freed, and 'ledblink_tick' can use it after that}} */
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq; /* expected-note {{'ledblink_probe' fails here without draining 'lb->timer'}} */
	ret = devm_request_irq(&pdev->dev, irq, ledblink_irq, 0, "ledblink", lb);
	if (ret)
		return ret; /* expected-note {{'ledblink_probe' fails here without draining 'lb->timer'}} */
	return 0;
}

static int ledblink_remove(struct platform_device *pdev)
{
	struct ledblink *lb = platform_get_drvdata(pdev);

	del_timer_sync(&lb->timer);
	return 0;
}

static struct platform_driver ledblink_driver = {
	.probe = ledblink_probe, /* expected-note {{'ledblink_probe' is the platform_driver.probe method}} */
	.remove = ledblink_remove,
	.driver = { .name = "ledblink" },
};
module_platform_driver(ledblink_driver);
MODULE_LICENSE("GPL");
