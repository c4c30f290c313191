/*
 * Statement expressions: a reference taken inside ({ }), a return and a
 * goto from inside one, and one used as a condition.
 * modlife-mock: linux-6
 */
struct se_dev {
	struct module *owner;
	int (*start)(struct se_dev *d);
};

#define se_get(d) ({ int __ok = try_module_get((d)->owner); __ok; })
#define se_start_or_out(d, label) ({ if ((d)->start(d)) goto label; 0; })

int se_attach(struct se_dev *d)
{
	int err = ({ if (!d) return -EINVAL; 0; });

	if (!se_get(d))
		return -ENODEV;
	err = se_start_or_out(d, out);
	if (({ void *p = kmalloc(16, GFP_KERNEL); kfree(p); p == NULL; }))
		return -ENOMEM;
	return err;
out:
	module_put(d->owner);
	return -EIO;
}
