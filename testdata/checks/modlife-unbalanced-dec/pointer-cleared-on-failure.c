/*
 * modlife-unbalanced-dec, regression from Linux 6.1 kernel/jump_label.c and
 * kernel/static_call_inline.c: a failed try_module_get() clears the module
 * pointer, and the put runs only when the pointer is set. Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

extern struct module *module_of(void *addr);
extern int scan_module(struct module *mod);

int text_reserved(void *start)
{
	struct module *mod;
	int ret;

	mod = module_of(start);
	if (!try_module_get(mod))
		mod = NULL;
	if (!mod)
		return 0;

	ret = scan_module(mod);
	module_put(mod);
	return ret;
}

/* expected-no-diagnostics */
