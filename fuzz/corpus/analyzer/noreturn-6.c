/*
 * Paths that end without returning: panic, __builtin_unreachable, a thread
 * that exits, an infinite loop.
 * modlife-mock: linux-6
 */
struct nr_dev {
	struct module *owner;
	int broken;
};

int nr_check(struct nr_dev *d)
{
	if (!try_module_get(d->owner))
		return -ENODEV;
	if (d->broken == 1)
		panic("nr: broken %d", d->broken);
	if (d->broken == 2)
		__builtin_unreachable();
	if (d->broken == 3)
		for (;;)
			msleep(100);
	if (d->broken == 4)
		module_put_and_kthread_exit(0);
	return d->broken ? -EIO : 0;
}
