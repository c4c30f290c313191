/*
 * modlife-missing-dec-on-error: "if (!ops || !try_module_get(ops->owner))
 * return -ENODEV;" takes no reference on the failing side of the condition,
 * and the later failure puts the reference back. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>

// expected-no-diagnostics

#define FOO_MAX_LL 4

struct foo_port {
	int index;
	void *ll_data;
};

struct foo_lowlevel {
	struct module *owner;
	const char *name;
	int (*attach)(struct foo_port *port);
	void (*detach)(struct foo_port *port);
};

static struct foo_lowlevel *foo_ll[FOO_MAX_LL];

int foo_core_attach(struct foo_port *port, int which)
{
	struct foo_lowlevel *ops = foo_ll[which];

	if (!ops || !try_module_get(ops->owner))
		return -ENODEV;
	if (ops->attach(port) < 0) {
		module_put(ops->owner);
		return -EIO;
	}
	return 0;
}
EXPORT_SYMBOL(foo_core_attach);

void foo_core_detach(struct foo_port *port, int which)
{
	struct foo_lowlevel *ops = foo_ll[which];

	ops->detach(port);
	module_put(ops->owner);
}
EXPORT_SYMBOL(foo_core_detach);
