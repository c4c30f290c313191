/*
 * modlife-missing-owner, Linux 2.4: nothing in this file shows that it is a
 * loadable module (no module_init, no init_module, no MODULE_LICENSE, no
 * THIS_MODULE), as in the second file of a driver whose module_init lives
 * elsewhere, or code that is only ever built in. Silent.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

static int foo_open(struct inode *inode, struct file *file)
{
	return 0;
}

struct file_operations foo_fops = {
	open:		foo_open,
};
