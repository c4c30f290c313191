/*
 * The fixed translation unit the rule-pack fuzzer analyzes under each
 * mutated pack (with the modern mocks): references, loads, deferred work,
 * object references and ops structs with and without owners, with calls of
 * every arity so that a pack naming any argument index meets all of them.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/kmod.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/kobject.h>
#include <linux/platform_device.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct probe_codec {
	struct module *owner;
	struct kobject kobj;
	int (*attach)(struct probe_codec *c);
};

static DEFINE_MUTEX(probe_lock);
static struct work_struct probe_work;
static struct timer_list probe_timer;
static struct task_struct *probe_task;
static struct workqueue_struct *probe_wq;
extern struct probe_codec *probe_lookup(const char *name);
extern int probe_ext(int a, ...);

static int probe_attach(struct probe_codec *c)
{
	int err;

	if (!try_module_get(c->owner))
		return -ENODEV;
	err = c->attach ? c->attach(c) : -EINVAL;
	if (err) {
		module_put(c->owner);
		return err;
	}
	kobject_get(&c->kobj);
	return probe_ext(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
}

static struct probe_codec *probe_find(const char *name)
{
	struct probe_codec *c = probe_lookup(name);

	if (!c && request_module("probe-%s", name) == 0)
		c = probe_lookup(name);
	return c ?: try_then_request_module(probe_lookup(name), "probe-%s", name);
}

static void probe_work_fn(struct work_struct *w)
{
	void *p = kzalloc(32, GFP_KERNEL);

	mutex_lock(&probe_lock);
	kfree(p);
	mutex_unlock(&probe_lock);
}

static void probe_timer_fn(struct timer_list *t)
{
	schedule_work(&probe_work);
}

static int probe_thread_fn(void *data)
{
	while (!kthread_should_stop())
		msleep(10);
	module_put_and_kthread_exit(0);
}

static int probe_open(struct inode *inode, struct file *file)
{
	void *buf = kmalloc(128, GFP_ATOMIC);

	if (!buf)
		return -ENOMEM;
	file->private_data = buf;
	return probe_find("x") ? 0 : -ENOENT;
}

static int probe_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations probe_fops = {
	.owner = THIS_MODULE,
	.open = probe_open,
	.release = probe_release,
};

static const struct file_operations probe_fops_unowned = {
	.open = probe_open,
};

static int probe_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver probe_driver = {
	.probe = probe_probe,
	.driver = { .name = "probe" },
};

static int __init probe_init(void)
{
	int err;

	INIT_WORK(&probe_work, probe_work_fn);
	timer_setup(&probe_timer, probe_timer_fn, 0);
	probe_wq = alloc_workqueue("probe", 0, 1);
	queue_work(probe_wq, &probe_work);
	__module_get(THIS_MODULE);
	probe_task = kthread_run(probe_thread_fn, NULL, "probe");
	err = register_chrdev(0, "probe", &probe_fops);
	if (err < 0)
		return err;
	(void)probe_fops_unowned;
	(void)probe_attach;
	if (request_module("probe-extra"))
		return -ENODEV;
	return platform_driver_register(&probe_driver);
}

static void __exit probe_exit(void)
{
	del_timer_sync(&probe_timer);
	cancel_work_sync(&probe_work);
	destroy_workqueue(probe_wq);
	platform_driver_unregister(&probe_driver);
	unregister_chrdev(0, "probe");
}

module_init(probe_init);
module_exit(probe_exit);
MODULE_LICENSE("GPL");
