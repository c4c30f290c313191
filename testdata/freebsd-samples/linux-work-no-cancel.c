/*
 * deferred-work-outlives-module (Linux side): work never cancelled on exit.
 * BUG: every write queues stats_work on the system workqueue, which is
 * shared and never flushed for this module. module_exit() only
 * deregisters the device, so a queued or running stats_fn can run after
 * rmmod has freed its text. module_exit() needs cancel_work_sync().
 * Report: modlife-deferred-work-outlives-module at linux-work-no-cancel.c:31
 * Note: linux-work-no-cancel.c:54 pktstat_exit does not cancel stats_work
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
	schedule_work(&stats_work); /* report: stats_fn can run after rmmod */
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

static void __exit pktstat_exit(void)
{
	misc_deregister(&pktstat_dev); /* note: nothing cancels stats_work */
}

module_init(pktstat_init);
module_exit(pktstat_exit);
MODULE_LICENSE("GPL");
