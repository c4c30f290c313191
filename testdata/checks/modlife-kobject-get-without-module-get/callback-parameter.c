/*
 * modlife-kobject-get-without-module-get: a helper queues the work function
 * its caller hands it, holding only the device. Whose code that is, the
 * helper cannot know.
 * modlife-mock: linux-6-builtin
 */
#include <linux/device.h>
#include <linux/workqueue.h>

struct dev_work {
	struct device *dev;
	struct work_struct work;
};

void queue_device_work(struct dev_work *dw, struct device *dev,
		       work_func_t fn)
{
	dw->dev = get_device(dev); /* expected-warning {{'get_device' keeps the object for deferred code, but nothing pins the module that owns 'fn'}} expected-note {{pin the module that owns 'fn' here with 'try_module_get(owner)', and drop it with 'module_put(owner)' in the callback when it is done}} */
	INIT_WORK(&dw->work, fn); /* expected-note {{'INIT_WORK' defers 'fn', which runs after this function returns}} */
	schedule_work(&dw->work);
}

/* Taking a reference and deferring nothing is no business of this check. */
struct device *hold_device(struct device *dev)
{
	return get_device(dev);
}
