/*
 * schedule_work() from write(), nothing cancels it in module_exit; the item
 * is global but the exit function has no free or return to put the
 * cancel before, so a note says what to add.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/workqueue.h>
#include <linux/printk.h>

static unsigned long pktstat_bytes;

static void stats_fn(struct work_struct *work)
{
	pr_info("pktstat: %lu bytes so far\n", pktstat_bytes);
}

static struct work_struct stats_work;

static ssize_t pktstat_write(struct file *file, const char __user *buf,
			     size_t len, loff_t *ppos)
{
	pktstat_bytes += len;
	schedule_work(&stats_work); /* expected-warning {{work item 'stats_work' runs 'stats_fn' from this module, but 'pktstat_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
	return len;
}

static const struct file_operations pktstat_fops = {
	.owner = THIS_MODULE,
	.write = pktstat_write,
};

static struct miscdevice pktstat_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pktstat",
	.fops = &pktstat_fops,
};

static int __init pktstat_init(void)
{
	INIT_WORK(&stats_work, stats_fn);
	return misc_register(&pktstat_dev);
}

static void __exit pktstat_exit(void) /* expected-note {{add 'cancel_work_sync(&stats_work);' to 'pktstat_exit', after what can arm it again is gone and before what 'stats_fn' uses is freed}} */
{
	misc_deregister(&pktstat_dev); /* expected-note {{'pktstat_exit' returns without draining 'stats_work'}} */
}

module_init(pktstat_init);
module_exit(pktstat_exit); /* expected-note {{'pktstat_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
