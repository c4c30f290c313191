/*
 * modlife-missing-dec-on-error: try_module_get() on a low-level driver's
 * owner. The first "return -ENODEV" runs only when try_module_get() failed,
 * so it holds no reference; the later "return -EIO" holds one and forgets
 * module_put().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>

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
	struct foo_lowlevel *ll = foo_ll[which];

	if (!try_module_get(ll->owner))
		return -ENODEV;
	if (ll->attach(port) < 0)
		return -EIO; // expected-warning{{failure return keeps the module reference taken by 'try_module_get'}}
	return 0;
}
EXPORT_SYMBOL(foo_core_attach);

void foo_core_detach(struct foo_port *port, int which)
{
	struct foo_lowlevel *ll = foo_ll[which];

	ll->detach(port);
	module_put(ll->owner);
}
EXPORT_SYMBOL(foo_core_detach);

int foo_core_register(struct foo_lowlevel *ll, int which)
{
	if (which < 0 || which >= FOO_MAX_LL || foo_ll[which])
		return -EBUSY;
	foo_ll[which] = ll;
	return 0;
}
EXPORT_SYMBOL(foo_core_register);
