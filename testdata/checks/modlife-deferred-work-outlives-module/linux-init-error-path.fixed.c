/*
 * module_init arms its sampling work and then fails to register its
 * character device, returning the error with the work still queued. A
 * module whose init fails is freed without its exit being called, so the
 * work then runs in freed text. module_exit cancels it; only the failure
 * path misses it. The fix cancels it before the failure return, with the
 * stop whose parameter is a struct delayed_work.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>

static struct delayed_work sampler_work;
static int sampler_major;
static unsigned long sampler_samples;

static const struct file_operations sampler_fops = {
	.owner = THIS_MODULE,
};

static void sampler_fn(struct work_struct *work)
{
	sampler_samples++;
	schedule_delayed_work(&sampler_work, HZ);
}

static int __init sampler_init(void)
{
	int ret;

	INIT_DELAYED_WORK(&sampler_work, sampler_fn);
	schedule_delayed_work(&sampler_work, HZ); /* expected-warning {{work item 'sampler_work' runs 'sampler_fn' from this module, but 'sampler_init' can fail with it still armed; a module whose init fails is freed, and 'sampler_fn' then runs in freed text}} */
	ret = register_chrdev(0, "sampler", &sampler_fops);
	if (ret < 0) {
		cancel_delayed_work_sync(&sampler_work);
		return ret;
	} /* expected-note {{'sampler_init' fails here without draining 'sampler_work'}} */
	sampler_major = ret;
	return 0;
}

static void __exit sampler_exit(void)
{
	cancel_delayed_work_sync(&sampler_work);
	unregister_chrdev(sampler_major, "sampler");
}

module_init(sampler_init); /* expected-note {{'sampler_init' runs at load (module_init)}} */
module_exit(sampler_exit);
MODULE_LICENSE("GPL");
