/*
 * modlife-missing-dec-on-error: __module_get(THIS_MODULE) takes a reference
 * unconditionally; the allocation failure after it returns -ENOMEM without
 * module_put().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_client {
	struct list_head list;
	const char *name;
	void *priv;
};

#define FOO_CLIENT_PRIV_SIZE 256

static LIST_HEAD(foo_clients);

int foo_register_client(struct foo_client *c)
{
	__module_get(THIS_MODULE);
	c->priv = kmalloc(FOO_CLIENT_PRIV_SIZE, GFP_KERNEL);
	if (!c->priv)
		return -ENOMEM; // expected-warning{{failure return keeps the module reference taken by '__module_get'}}
	list_add(&c->list, &foo_clients);
	return 0;
}
EXPORT_SYMBOL(foo_register_client);

void foo_unregister_client(struct foo_client *c)
{
	list_del(&c->list);
	kfree(c->priv);
	module_put(THIS_MODULE);
}
EXPORT_SYMBOL(foo_unregister_client);
