/* Duff's device: case labels inside a loop, with the count in the middle. */
static ssize_t dd_write(struct file *file, const char *buf, size_t count, loff_t *ppos)
{
	char out[8];
	size_t n = (count + 7) / 8;
	int i = 0;

	switch (count % 8) {
	case 0: do {	out[i++ & 7] = *buf++;
	case 7:		out[i++ & 7] = *buf++;
	case 6:		MOD_INC_USE_COUNT;
	case 5:		out[i++ & 7] = *buf++;
	case 4:		if (copy_from_user(out, buf, 1)) return -EFAULT;
	case 3:		out[i++ & 7] = *buf++;
	case 2:		MOD_DEC_USE_COUNT;
	case 1:		out[i++ & 7] = *buf++;
		} while (--n > 0);
	}
	return count;
}

static struct file_operations dd_fops = {
	write:	dd_write,
};
