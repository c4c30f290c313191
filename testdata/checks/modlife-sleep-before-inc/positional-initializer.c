/*
 * modlife-sleep-before-inc: a positional file_operations initializer in the
 * 2.4 field order (owner, llseek, read, write, readdir, poll, ioctl, mmap,
 * open, flush, release). open is the ninth field; owner is NULL.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ioport.h>

#define FOO_MAJOR 240
#define FOO_BASE 0x378
#define FOO_EXTENT 3

static ssize_t foo_read(struct file *file, char *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static int foo_open(struct inode *inode, struct file *file)
{
	if (!request_region(FOO_BASE, FOO_EXTENT, "foo")) // expected-warning{{'request_region' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		return -EBUSY;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	release_region(FOO_BASE, FOO_EXTENT);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations foo_fops = {
	NULL,		/* owner */
	NULL,		/* llseek */
	foo_read,	/* read */
	NULL,		/* write */
	NULL,		/* readdir */
	NULL,		/* poll */
	NULL,		/* ioctl */
	NULL,		/* mmap */
	foo_open,	/* open */
	NULL,		/* flush */
	foo_release,	/* release */
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
