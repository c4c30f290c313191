/*
 * modlife-sleep-before-inc: everything that may sleep comes after
 * MOD_INC_USE_COUNT, and every failure path drops the count again. This is
 * the shape the January 2000 mail asks for. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <asm/semaphore.h>

// expected-no-diagnostics

#define FOO_MAJOR 240
#define FOO_BUFSIZE 4096

static DECLARE_MUTEX(foo_sem);

static int foo_open(struct inode *inode, struct file *file)
{
	char *buf;

	MOD_INC_USE_COUNT;
	if (down_interruptible(&foo_sem)) {
		MOD_DEC_USE_COUNT;
		return -ERESTARTSYS;
	}
	buf = kmalloc(FOO_BUFSIZE, GFP_KERNEL);
	up(&foo_sem);
	if (!buf) {
		MOD_DEC_USE_COUNT;
		return -ENOMEM;
	}
	file->private_data = buf;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	.open = foo_open,
	.release = foo_release,
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
