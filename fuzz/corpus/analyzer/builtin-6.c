/*
 * Built into the kernel: no MODULE, so THIS_MODULE is NULL and init runs
 * once at boot.
 * modlife-mock: linux-6-builtin
 */
static int bi_open(struct inode *inode, struct file *file)
{
	return request_module("bi-helper");
}

static const struct file_operations bi_fops = {
	.open = bi_open,
};

static int __init bi_init(void)
{
	return register_chrdev(0, "bi", &bi_fops) < 0 ? -EIO : request_module("bi");
}
module_init(bi_init);
