/*
 * Ops structs in every shape: arrays, nested in another struct, positional
 * initializers, compound literals, assigned field by field at run time.
 */
static int os_open(struct inode *inode, struct file *file)
{
	if (kmalloc(4, GFP_KERNEL) == NULL)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static int os_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations os_table[2] = {
	{ open: os_open, release: os_release },
	[1] = { .owner = THIS_MODULE, .open = os_open },
};

static struct {
	int minor;
	struct file_operations fops;
} os_wrapped = { 3, { open: os_open } };

static struct file_operations os_runtime;

static int os_setup(void)
{
	os_runtime.open = os_open;
	os_runtime = (struct file_operations){ .open = os_open, .release = os_release };
	return register_chrdev(42, "os", &os_runtime);
}
