/*
 * modlife-request-module-in-init, Linux 6.1: correct shapes stay silent.
 * request_module_nowait() in init does not wait; a synchronous load in
 * open() or in a work item runs after init has finished; a helper that loads
 * but that init never calls is not init code.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kmod.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/workqueue.h>

static void load_backend_work(struct work_struct *work)
{
	request_module("prism-backend");
}

static DECLARE_WORK(backend_work, load_backend_work);

static int prism_open(struct inode *inode, struct file *file)
{
	return request_module("prism-codec");
}

static const struct file_operations prism_fops = {
	.owner = THIS_MODULE,
	.open = prism_open,
};

static struct miscdevice prism_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "prism",
	.fops = &prism_fops,
};

static int __init prism_init(void)
{
	request_module_nowait("prism-extra");
	schedule_work(&backend_work);
	return misc_register(&prism_dev);
}

static void __exit prism_exit(void)
{
	cancel_work_sync(&backend_work);
	misc_deregister(&prism_dev);
}

module_init(prism_init);
module_exit(prism_exit);
MODULE_LICENSE("GPL");

/* expected-no-diagnostics */
