/*
 * modlife-kobject-get-without-module-get: a module queues its own work
 * function with a reference on the device, and nothing in the module ever
 * cancels or flushes it. rmmod can free the work function while the work
 * is still queued.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct blinker {
	struct device *dev;
	struct work_struct blink_work;
};

static void blinker_work(struct work_struct *work)
{
	struct blinker *b = container_of(work, struct blinker, blink_work);

	put_device(b->dev);
}

static irqreturn_t blinker_irq(int irq, void *data)
{
	struct blinker *b = data;

	get_device(b->dev); /* expected-warning {{'get_device' keeps the object for 'blinker_work', but nothing stops 'blinker_work' before this module can be unloaded}} */
	schedule_work(&b->blink_work); /* expected-note {{'schedule_work' defers 'blinker_work' here}} expected-note {{stop 'blinker_work' before the module goes, e.g. 'cancel_work_sync(&b->blink_work)' in the exit or remove path}} */
	return IRQ_HANDLED;
}

static int blinker_probe(struct platform_device *pdev)
{
	struct blinker *b = devm_kzalloc(&pdev->dev, sizeof(*b), GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	b->dev = &pdev->dev;
	INIT_WORK(&b->blink_work, blinker_work);
	return devm_request_irq(&pdev->dev, 5, blinker_irq, 0, "blinker", b);
}

static struct platform_driver blinker_driver = {
	.probe = blinker_probe,
	.driver = { .name = "blinker" },
};
module_platform_driver(blinker_driver);
MODULE_LICENSE("GPL");
