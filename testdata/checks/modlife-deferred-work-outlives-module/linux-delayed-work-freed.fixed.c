/*
 * A global delayed work that module_exit never cancels before it frees the
 * buffer the work uses. The fix inserts cancel_delayed_work_sync() (the
 * stop whose parameter is a struct delayed_work, not cancel_work_sync())
 * before the kfree().
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

static char *sampler_buf;
static struct delayed_work sampler_work;

static void sampler_fn(struct work_struct *work)
{
	sampler_buf[0]++;
	schedule_delayed_work(&sampler_work, HZ);
}

static int __init sampler_init(void)
{
	sampler_buf = kzalloc(64, GFP_KERNEL);
	if (!sampler_buf)
		return -ENOMEM;
	INIT_DELAYED_WORK(&sampler_work, sampler_fn);
	schedule_delayed_work(&sampler_work, HZ); /* expected-warning {{work item 'sampler_work' runs 'sampler_fn' from this module, but 'sampler_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
	return 0;
}

static void __exit sampler_exit(void)
{
	cancel_delayed_work_sync(&sampler_work);
	kfree(sampler_buf); /* expected-note {{'sampler_exit' returns without draining 'sampler_work'}} */
}

module_init(sampler_init);
module_exit(sampler_exit); /* expected-note {{'sampler_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
