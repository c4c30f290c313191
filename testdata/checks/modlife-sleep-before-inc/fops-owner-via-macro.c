// Regression from Linux 2.4.22 drivers/sound/cs46xx.c: the driver sets the
// fops owner through its own macros (so that one source builds on 2.2 and
// 2.4). The owner pins the module before open() runs, so sleeping before
// MOD_INC_USE_COUNT is harmless there and must stay silent.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/errno.h>

#define FOO_OWNER owner:
#define FOO_THIS_MODULE THIS_MODULE,

static void *foo_state;

static int foo_open(struct inode *inode, struct file *file)
{
	foo_state = kmalloc(64, GFP_KERNEL);
	if (!foo_state)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	FOO_OWNER	FOO_THIS_MODULE
	open:		foo_open,
};

// expected-no-diagnostics
