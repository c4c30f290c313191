/*
 * __attribute__((cleanup)): a reference dropped by a scope-exit helper,
 * on every return including the failure ones.
 * modlife-mock: linux-6
 */
struct ca_owner {
	struct module *owner;
};

static void ca_put(struct ca_owner **o)
{
	if (*o)
		module_put((*o)->owner);
}

static void ca_free(void **p)
{
	kfree(*p);
}

int ca_use(struct ca_owner *owner)
{
	struct ca_owner *held __attribute__((cleanup(ca_put))) = NULL;
	void *buf __attribute__((cleanup(ca_free))) = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (!try_module_get(owner->owner))
		return -ENODEV;
	held = owner;
	if (owner->owner == THIS_MODULE)
		return -EINVAL;
	return 0;
}
