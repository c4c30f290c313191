/*
 * modlife-missing-dec-on-error: "err = foo(); if (err) goto fail; ...
 * fail: return err;" with no MOD_DEC_USE_COUNT at the label. err is known
 * to be non-zero whenever the label is reached, so that return is a failure.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <asm/io.h>

#define FOO_MAJOR 240
#define FOO_STATUS 0x2a0

static int foo_hw_init(void)
{
	return (inb(FOO_STATUS) & 0x01) ? 0 : -EIO;
}

static int foo_hw_start(void)
{
	return (inb(FOO_STATUS) & 0x02) ? 0 : -ETIMEDOUT;
}

static int foo_open(struct inode *inode, struct file *file)
{
	int err;

	MOD_INC_USE_COUNT;
	err = foo_hw_init();
	if (err)
		goto fail;
	err = foo_hw_start();
	if (err)
		goto fail;
	return 0;

fail:
	printk(KERN_ERR "foo: open failed (%d)\n", err);
	return err; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}
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
