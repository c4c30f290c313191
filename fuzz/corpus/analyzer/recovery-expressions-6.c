/*
 * Code that does not compile, so that clang leaves recovery expressions and
 * invalid nodes in the AST: wrong arity, undeclared names, bad members.
 * modlife-mock: linux-6
 */
struct re_ops {
	struct module *owner;
};

int re_broken(struct re_ops *ops)
{
	if (!try_module_get())
		return -ENODEV;
	if (!try_module_get(ops->owner, 1, 2))
		return undeclared_errno;
	module_put(ops->no_such_field);
	module_put(not_declared->owner);
	kmalloc(GFP_KERNEL);
	request_module();
	return ops->owner + ;
}

int re_half(void)
{
	int x = try_module_get(THIS_MODULE) ? : ;
	__module_get(THIS_MODULE)
	return x
}

static const struct file_operations re_fops = {
	.owner = THIS_MODULE,
	.open = re_missing_open,
	.no_such_op = re_broken,
};
