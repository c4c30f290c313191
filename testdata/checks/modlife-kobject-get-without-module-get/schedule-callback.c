/*
 * modlife-kobject-get-without-module-get: the sysfs_schedule_callback()
 * shape from 2007, in core code built into the kernel. The caller's
 * function is queued with only a reference on the caller's object; the
 * module that holds the function can be unloaded before the work runs.
 * modlife-mock: linux-6-builtin
 */
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/errno.h>

struct callback_work {
	struct kobject *kobj;
	void (*func)(void *);
	void *data;
	struct work_struct work;
};

static void callback_work_fn(struct work_struct *work)
{
	struct callback_work *cw = container_of(work, struct callback_work, work);

	(cw->func)(cw->data);
	kobject_put(cw->kobj);
	kfree(cw);
}

int schedule_object_callback(struct kobject *kobj, void (*func)(void *),
			     void *data)
{
	struct callback_work *cw;

	cw = kmalloc(sizeof(*cw), GFP_KERNEL);
	if (!cw)
		return -ENOMEM;
	/* expected-warning@+2 {{'kobject_get' keeps the object for deferred code, but nothing pins the module that owns 'func'}} */
	/* expected-note@+1 {{pin the module that owns 'func' here with 'try_module_get(owner)', and drop it with 'module_put(owner)' in 'callback_work_fn' after calling 'func'}} */
	kobject_get(kobj);
	cw->kobj = kobj;
	cw->func = func; /* expected-note {{'func' comes from the caller: its code may belong to another module, which can be unloaded before it runs}} */
	cw->data = data;
	INIT_WORK(&cw->work, callback_work_fn); /* expected-note {{'INIT_WORK' defers 'callback_work_fn', which calls 'func' after this function returns}} */
	schedule_work(&cw->work);
	return 0;
}
