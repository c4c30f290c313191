/*
 * modlife-unchecked-try-module-get: the result of try_module_get() is
 * thrown away, and the code calls into the other module anyway. In a
 * function that returns int the fix checks the result and fails with
 * -ENODEV.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct filter_ops {
	struct module *owner;
	int (*apply)(int v);
};

static struct filter_ops *filter;

int filter_apply(int v)
{
	int ret;

	/* expected-warning@+1 {{the result of 'try_module_get' is ignored; the code goes on as if it held a reference on 'filter->owner', which it does not have if the module is going away}} */
	if (!try_module_get(filter->owner))
		return -ENODEV;
	ret = filter->apply(v);
	module_put(filter->owner);
	return ret;
}
