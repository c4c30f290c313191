// A failure path that drops the count through a helper of the same file is
// not a leak: the helper's MOD_DEC_USE_COUNT is seen through the call.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>

static int foo_busy;

static void foo_put(void)
{
	foo_busy = 0;
	MOD_DEC_USE_COUNT;
}

static int foo_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	if (foo_busy) {
		foo_put();
		return -EBUSY;
	}
	foo_busy = 1;
	return 0;
}

static struct file_operations foo_fops = {
	open:	foo_open,
};

// expected-no-diagnostics
