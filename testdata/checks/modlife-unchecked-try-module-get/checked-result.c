/*
 * modlife-unchecked-try-module-get: every way of using the result is fine:
 * a condition, an assignment, a return value, a logical chain. Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct dev_ops {
	struct module *owner;
	int (*go)(void);
};

int use_cond(struct dev_ops *ops)
{
	int ret;

	if (!ops || !try_module_get(ops->owner))
		return -ENODEV;
	ret = ops->go();
	module_put(ops->owner);
	return ret;
}

int use_assign(struct dev_ops *ops)
{
	int ok = try_module_get(ops->owner);

	if (!ok)
		return -ENODEV;
	module_put(ops->owner);
	return 0;
}

int use_return(struct dev_ops *ops)
{
	return try_module_get(ops->owner);
}

/* expected-no-diagnostics */
