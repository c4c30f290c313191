/*
 * modlife-put-self-then-return, Linux 6.1: shapes that stay silent. The
 * thread exits through module_put_and_kthread_exit(); a release() method
 * drops a reference that the open file's owner pin outlives; a work
 * function that never drops this module.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

static int poller(void *arg)
{
	while (!kthread_should_stop())
		schedule();
	module_put_and_kthread_exit(0);
}

static int worker(void *arg)
{
	if (!arg)
		module_put_and_kthread_exit(-1);
	schedule();
	module_put_and_kthread_exit(0);
}

static int dev_open(struct inode *inode, struct file *file)
{
	return try_module_get(THIS_MODULE) ? 0 : -ENODEV;
}

static int dev_release(struct inode *inode, struct file *file)
{
	module_put(THIS_MODULE);
	return 0;
}

static const struct file_operations dev_fops = {
	.owner = THIS_MODULE,
	.open = dev_open,
	.release = dev_release,
};

static void flush_fn(struct work_struct *w)
{
}

static DECLARE_WORK(flush_work_item, flush_fn);

int start_threads(void)
{
	__module_get(THIS_MODULE);
	kthread_run(poller, NULL, "poller");
	__module_get(THIS_MODULE);
	kthread_run(worker, (void *)&dev_fops, "worker");
	schedule_work(&flush_work_item);
	return 0;
}

/* expected-no-diagnostics */
