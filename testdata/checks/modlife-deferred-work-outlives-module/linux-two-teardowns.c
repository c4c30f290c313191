/*
 * A driver whose file holds both module_exit and the platform remove():
 * neither cancels the work, so the warning names both and each gets a
 * note. The work item sits in the device's state, which remove() derives
 * otherwise than probe() did, so there is no fix-it, only a note.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

struct beeper {
	struct work_struct beep;
	int count;
};

static void beeper_beep(struct work_struct *work)
{
	struct beeper *b = container_of(work, struct beeper, beep);

	b->count++;
}

static int beeper_probe(struct platform_device *pdev)
{
	struct beeper *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	INIT_WORK(&b->beep, beeper_beep);
	platform_set_drvdata(pdev, b);
	schedule_work(&b->beep); /* expected-warning {{work item 'b->beep' runs 'beeper_beep' from this module, but no teardown of this file ('beeper_remove', 'beeper_exit') drains it; it can run after the teardown frees its state or the module is unloaded}} */
	return 0;
}

static int beeper_remove(struct platform_device *pdev) /* expected-note {{drain 'b->beep' with 'cancel_work_sync' in 'beeper_remove', after what can arm it again is gone and before what 'beeper_beep' uses is freed}} */
{
	struct beeper *b = platform_get_drvdata(pdev);

	kfree(b);
	return 0; /* expected-note {{'beeper_remove' returns without draining 'b->beep'}} */
}

static struct platform_driver beeper_driver = {
	.probe = beeper_probe,
	.remove = beeper_remove, /* expected-note {{'beeper_remove' is the platform_driver.remove method}} */
	.driver = { .name = "beeper" },
};

static int __init beeper_init(void)
{
	return platform_driver_register(&beeper_driver);
}

static void __exit beeper_exit(void)
{
	platform_driver_unregister(&beeper_driver); /* expected-note {{'beeper_exit' returns without draining 'b->beep'}} */
}

module_init(beeper_init);
module_exit(beeper_exit); /* expected-note {{'beeper_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
