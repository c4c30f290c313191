/* Self and mutual recursion, with a sleep at the bottom of the cycle. */
static int rc_depth;

static int rc_even(int n);

static int rc_odd(int n)
{
	if (n == 0)
		return (int)(long)kmalloc(4, GFP_KERNEL);
	return rc_even(n - 1);
}

static int rc_even(int n)
{
	if (n == 0)
		return rc_odd(rc_depth);
	return rc_odd(n - 1) + rc_even(n - 2);
}

static int rc_self(int n)
{
	return n ? rc_self(n - 1) : rc_even(3);
}

static int rc_open(struct inode *inode, struct file *file)
{
	if (rc_self(rc_depth) < 0)
		return -EIO;
	MOD_INC_USE_COUNT;
	return 0;
}

static struct file_operations rc_fops = {
	open:	rc_open,
};
