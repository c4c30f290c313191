/*
 * modlife-kobject-get-without-module-get: a module defers its own code with
 * references on its objects, and stops every deferral before it goes: a
 * delayed work cancelled by its container's name, a timer, a thread, and
 * RCU callbacks drained by rcu_barrier() in the exit function. Silent.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/platform_device.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

// expected-no-diagnostics

struct poller {
	struct kref ref;
	struct device *dev;
	struct delayed_work poll;
	struct timer_list watchdog;
	struct task_struct *thread;
	struct rcu_head rcu;
	struct work_struct report;
};

/* Defined in another file of this module, which may also cancel it. */
extern void poller_report_work(struct work_struct *work);

void poller_report(struct poller *p)
{
	kref_get(&p->ref);
	INIT_WORK(&p->report, poller_report_work);
	schedule_work(&p->report);
}

static void poller_release(struct kref *ref)
{
}

static void poller_poll(struct work_struct *work)
{
	struct poller *p = container_of(work, struct poller, poll.work);

	kref_put(&p->ref, poller_release);
}

static void poller_watchdog(struct timer_list *t)
{
	struct poller *p = from_timer(p, t, watchdog);

	put_device(p->dev);
}

static int poller_thread(void *data)
{
	struct poller *p = data;

	while (!kthread_should_stop())
		schedule();
	put_device(p->dev);
	return 0;
}

static void poller_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct poller, rcu));
}

static void poller_kick(struct poller *p)
{
	kref_get(&p->ref);
	schedule_delayed_work(&p->poll, HZ);
}

static int poller_probe(struct platform_device *pdev)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kref_init(&p->ref);
	p->dev = &pdev->dev;
	INIT_DELAYED_WORK(&p->poll, poller_poll);
	get_device(p->dev);
	timer_setup(&p->watchdog, poller_watchdog, 0);
	get_device(p->dev);
	p->thread = kthread_run(poller_thread, p, "poller");
	platform_set_drvdata(pdev, p);
	poller_kick(p);
	return 0;
}

static int poller_remove(struct platform_device *pdev)
{
	struct poller *p = platform_get_drvdata(pdev);

	cancel_delayed_work_sync(&p->poll);
	del_timer_sync(&p->watchdog);
	kthread_stop(p->thread);
	get_device(p->dev);
	call_rcu(&p->rcu, poller_free_rcu);
	return 0;
}

static struct platform_driver poller_driver = {
	.probe = poller_probe,
	.remove = poller_remove,
	.driver = { .name = "poller" },
};

static int __init poller_init(void)
{
	return platform_driver_register(&poller_driver);
}

static void __exit poller_exit(void)
{
	platform_driver_unregister(&poller_driver);
	rcu_barrier();
}

module_init(poller_init);
module_exit(poller_exit);
MODULE_LICENSE("GPL");
