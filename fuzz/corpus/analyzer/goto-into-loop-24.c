/* A goto that enters a loop body past the count, and one that leaves it. */
static int pending;

static int gil_open(struct inode *inode, struct file *file)
{
	int tries = 3;

	if (pending)
		goto retry;
	MOD_INC_USE_COUNT;
	while (tries--) {
		if (kmalloc(32, GFP_KERNEL) == NULL)
			goto out;
retry:
		if (pending > 2)
			return -EAGAIN;
		pending++;
	}
	return 0;
out:
	MOD_DEC_USE_COUNT;
	return -ENOMEM;
}

static struct file_operations gil_fops = {
	open:	gil_open,
};
