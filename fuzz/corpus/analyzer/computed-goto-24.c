/* Labels as values: a jump table of states, with the count taken in one. */
static int state;

static int cg_open(struct inode *inode, struct file *file)
{
	static void *table[] = { &&idle, &&busy, &&fail };
	void *next = table[state % 3];

	goto *next;
idle:
	MOD_INC_USE_COUNT;
	if (down_interruptible(NULL))
		goto *table[2];
	return 0;
busy:
	interruptible_sleep_on(NULL);
	next = &&idle;
	goto *next;
fail:
	return -EBUSY;
}

static struct file_operations cg_fops = {
	open:	cg_open,
};
