// Code that builds on 2.2 and 2.4 often sets the fops owner at run time,
// before registering. The owner pins the module before open() runs, so this
// open() must stay silent; the second fops, which never gets an owner, is
// still reported.
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/init.h>

static void *foo_buf, *bar_buf;

static int foo_open(struct inode *inode, struct file *file)
{
	foo_buf = kmalloc(64, GFP_KERNEL);
	MOD_INC_USE_COUNT;
	return 0;
}

static int bar_open(struct inode *inode, struct file *file)
{
	bar_buf = kmalloc(64, GFP_KERNEL); // expected-warning{{'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	MOD_INC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = { .open = foo_open };
static struct file_operations bar_fops = { .open = bar_open };

static int __init foo_init(void)
{
	foo_fops.owner = THIS_MODULE;
	if (register_chrdev(60, "foo", &foo_fops))
		return -EBUSY;
	return register_chrdev(61, "bar", &bar_fops);
}
module_init(foo_init);
