/*
 * modlife-kobject-get-without-module-get: the fixed shape. The caller names
 * the module that owns the function, and it stays pinned until the work
 * has called it.
 * modlife-mock: linux-6-builtin
 */
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/errno.h>

// expected-no-diagnostics

struct callback_work {
	struct kobject *kobj;
	void (*func)(void *);
	void *data;
	struct module *owner;
	struct work_struct work;
};

static void callback_work_fn(struct work_struct *work)
{
	struct callback_work *cw = container_of(work, struct callback_work, work);

	(cw->func)(cw->data);
	kobject_put(cw->kobj);
	module_put(cw->owner);
	kfree(cw);
}

int schedule_object_callback(struct kobject *kobj, void (*func)(void *),
			     void *data, struct module *owner)
{
	struct callback_work *cw;

	if (!try_module_get(owner))
		return -ENODEV;
	cw = kmalloc(sizeof(*cw), GFP_KERNEL);
	if (!cw) {
		module_put(owner);
		return -ENOMEM;
	}
	kobject_get(kobj);
	cw->kobj = kobj;
	cw->func = func;
	cw->data = data;
	cw->owner = owner;
	INIT_WORK(&cw->work, callback_work_fn);
	schedule_work(&cw->work);
	return 0;
}
