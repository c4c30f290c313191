/*
 * modlife-kobject-get-without-module-get: the ipmi_msghandler shape of 6.1.
 * A timer handler takes a reference and puts the module's own work on the
 * system workqueue; the exit function destroys the module's private queue,
 * which does nothing for work on the system queue. Work on the private
 * queue, which the exit function does drain, is fine.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct intf {
	struct kref refcount;
	struct work_struct reg_work;
	struct work_struct remove_work;
};

static struct workqueue_struct *remove_wq;

static void intf_free(struct kref *ref)
{
	kfree(container_of(ref, struct intf, refcount));
}

static void redo_reg(struct work_struct *work)
{
	struct intf *i = container_of(work, struct intf, reg_work);

	kref_put(&i->refcount, intf_free);
}

static void do_remove(struct work_struct *work)
{
	struct intf *i = container_of(work, struct intf, remove_work);

	kref_put(&i->refcount, intf_free);
}

void intf_setup(struct intf *i)
{
	kref_init(&i->refcount);
	INIT_WORK(&i->reg_work, redo_reg);
	INIT_WORK(&i->remove_work, do_remove);
}

void intf_timeout(struct intf *i)
{
	kref_get(&i->refcount); /* expected-warning {{'kref_get' keeps the object for 'redo_reg', but nothing stops 'redo_reg' before this module can be unloaded}} */
	if (!schedule_work(&i->reg_work)) /* expected-note {{'schedule_work' defers 'redo_reg' here}} expected-note {{stop 'redo_reg' before the module goes, e.g. 'cancel_work_sync(&i->reg_work)' in the exit or remove path}} */ /* expected-warning {{work item 'i->reg_work' runs 'redo_reg' from this module, but 'intf_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
		kref_put(&i->refcount, intf_free);
}

void intf_remove(struct intf *i)
{
	kref_get(&i->refcount);
	queue_work(remove_wq, &i->remove_work);
}

static int __init intf_init(void)
{
	remove_wq = alloc_workqueue("remove", 0, 0);
	return remove_wq ? 0 : -ENOMEM;
}

static void __exit intf_exit(void) /* expected-note {{drain 'i->reg_work' with 'cancel_work_sync' in 'intf_exit', after what can arm it again is gone and before what 'redo_reg' uses is freed}} */
{
	destroy_workqueue(remove_wq); /* expected-note {{'intf_exit' returns without draining 'i->reg_work'}} */
}

module_init(intf_init);
module_exit(intf_exit); /* expected-note {{'intf_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
