/*
 * The kernel's goto error ladder, long, with references taken and dropped
 * at several rungs and one rung that forgets.
 * modlife-mock: linux-6
 */
struct el_dev {
	struct module *a, *b, *c;
	void *buf;
};

int el_probe(struct el_dev *d)
{
	int err = -ENODEV;

	if (!try_module_get(d->a))
		goto out;
	if (!try_module_get(d->b))
		goto put_a;
	d->buf = kzalloc(128, GFP_KERNEL);
	if (!d->buf) {
		err = -ENOMEM;
		goto put_b;
	}
	if (!try_module_get(d->c))
		goto free_buf;
	if (request_module("el-%d", 1))
		goto free_buf;
	return 0;
free_buf:
	kfree(d->buf);
put_b:
	module_put(d->b);
put_a:
	module_put(d->a);
out:
	return err;
}
