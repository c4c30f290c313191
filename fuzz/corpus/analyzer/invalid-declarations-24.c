/*
 * Invalid declarations: unknown types, redefinitions, an incomplete
 * variable, a GCC nested function, K&R definitions, a struct that names
 * unknown fields.
 */
static unknown_t id_state;
struct id_incomplete id_object;

static int id_open(struct inode *inode, struct file *file, undeclared_t extra)
{
	MOD_INC_USE_COUNT;
	return 0;
}

static int id_open(struct inode *inode, struct file *file)
{
	int nested(void) { MOD_DEC_USE_COUNT; return -EIO; }

	MOD_INC_USE_COUNT;
	if (kmalloc(1, GFP_KERNEL) == NULL)
		return nested();
	return 0;
}

static int id_release(inode, file)
	struct inode *inode;
	struct file *file;
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations id_fops = {
	open:		id_open,
	release:	id_release,
	bogus:		id_open,
	.open =		id_missing,
};

static int id_fops;
