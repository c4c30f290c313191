/*
 * asm goto: edges the compiler cannot see through, next to a reference.
 * modlife-mock: linux-6
 */
struct ag_dev {
	struct module *owner;
};

int ag_enable(struct ag_dev *d)
{
	if (!try_module_get(d->owner))
		return -ENODEV;
	asm goto("" : : : : fail, slow);
	return 0;
slow:
	might_sleep();
	asm volatile("" ::: "memory");
	return 0;
fail:
	return -EBUSY;
}
