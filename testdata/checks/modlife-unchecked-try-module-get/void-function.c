/*
 * modlife-unchecked-try-module-get: in a function that returns nothing there
 * is no failure to return, so the finding has a note instead of a fix. A
 * cast to void does not make the ignored result safe.
 */
#include <linux/module.h>
#include <linux/kernel.h>

struct filter_ops {
	struct module *owner;
	int (*apply)(int v);
};

static struct filter_ops *filter;

void filter_poke(void)
{
	(void)try_module_get(filter->owner); /* expected-warning {{the result of 'try_module_get' is ignored}} expected-note {{check the result, and stop (without a matching release) when it fails}} */
	filter->apply(0);
	module_put(filter->owner);
}
