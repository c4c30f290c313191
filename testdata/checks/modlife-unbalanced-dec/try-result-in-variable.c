/*
 * modlife-unbalanced-dec: the result of try_module_get() is kept in a
 * variable and tested later; the put runs only where the get succeeded.
 * Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct backend {
	struct module *owner;
	int (*run)(void);
};

int run_backend(struct backend *b)
{
	int got, ret = -ENODEV;

	got = try_module_get(b->owner);
	if (!got)
		goto out;
	ret = b->run();
	module_put(b->owner);
out:
	return ret;
}

int run_backend_flag(struct backend *b)
{
	int ret = -ENODEV;
	int pinned = try_module_get(b->owner);

	if (pinned)
		ret = b->run();
	if (pinned)
		module_put(b->owner);
	return ret;
}

/* expected-no-diagnostics */
