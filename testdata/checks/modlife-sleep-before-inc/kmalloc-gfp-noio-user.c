/*
 * modlife-sleep-before-inc: the other sleeping masks. GFP_NOIO and GFP_USER
 * both include __GFP_WAIT, so each allocation below may sleep before the
 * module is pinned. Two char devices, one per mask.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FOO_MAJOR 240
#define BAR_MAJOR 241
#define FOO_BUFSIZE 4096

static char *foo_buf;
static char *bar_buf;

static int foo_open(struct inode *inode, struct file *file)
{
	if (!foo_buf) {
		foo_buf = kmalloc(FOO_BUFSIZE, GFP_NOIO); // expected-warning{{'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		if (!foo_buf)
			return -ENOMEM;
	}
	MOD_INC_USE_COUNT;
	return 0;
}

static int bar_open(struct inode *inode, struct file *file)
{
	if (!bar_buf) {
		bar_buf = kmalloc(FOO_BUFSIZE, GFP_USER); // expected-warning{{'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		if (!bar_buf)
			return -ENOMEM;
	}
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.open = foo_open,
	.release = foo_release,
};

static struct file_operations bar_fops = {
	.open = bar_open,
	.release = foo_release,
};

static int __init foo_init(void)
{
	if (register_chrdev(FOO_MAJOR, "foo", &foo_fops))
		return -EBUSY;
	if (register_chrdev(BAR_MAJOR, "bar", &bar_fops)) {
		unregister_chrdev(FOO_MAJOR, "foo");
		return -EBUSY;
	}
	return 0;
}

static void __exit foo_exit(void)
{
	unregister_chrdev(BAR_MAJOR, "bar");
	unregister_chrdev(FOO_MAJOR, "foo");
	kfree(bar_buf);
	kfree(foo_buf);
}

module_init(foo_init);
module_exit(foo_exit);
