/*
 * modlife-sleep-before-inc: the GNU "open: foo_open" initializer that 2.2 and
 * 2.4 drivers used before C99 designators. No owner field is set, so the
 * entry point is not pinned by its caller.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/vmalloc.h>

#define FOO_MAJOR 240
#define FOO_FRAME_SIZE (640 * 480 * 2)

static void *foo_frame;

static int foo_open(struct inode *inode, struct file *file)
{
	foo_frame = vmalloc(FOO_FRAME_SIZE); // expected-warning{{'vmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	if (!foo_frame)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	vfree(foo_frame);
	foo_frame = NULL;
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	open: foo_open,
	release: foo_release,
};

static int __init foo_init(void)
{
	return register_chrdev(FOO_MAJOR, "foo", &foo_fops);
}

static void __exit foo_exit(void)
{
	unregister_chrdev(FOO_MAJOR, "foo");
}

module_init(foo_init);
module_exit(foo_exit);
