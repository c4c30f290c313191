/*
 * Found by hand while fixing the check-glob blow-up (regressions/config):
 * NOLINT lists are matched as check globs, so a comment in the analyzed
 * source hung the analysis the same way. Fixed with globMatch in
 * analyzer/rules/Config.cpp.
 */
static int ng_open(struct inode *inode, struct file *file)
{
	if (kmalloc(8, GFP_KERNEL) == NULL) // NOLINT(****************X)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static struct file_operations ng_fops = {
	open:	ng_open,
};
