/*
 * modlife-sleep-before-inc: the sleep is hidden in a static helper in the
 * same file. foo_alloc_buffers() calls kmalloc(GFP_KERNEL); the finding is
 * reported at the helper's call in the entry point.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FOO_MAJOR 240
#define FOO_RX_SIZE 8192
#define FOO_TX_SIZE 4096

static char *foo_rx;
static char *foo_tx;

static int foo_alloc_buffers(void)
{
	foo_rx = kmalloc(FOO_RX_SIZE, GFP_KERNEL);
	if (!foo_rx)
		return -ENOMEM;
	foo_tx = kmalloc(FOO_TX_SIZE, GFP_KERNEL);
	if (!foo_tx) {
		kfree(foo_rx);
		foo_rx = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void foo_free_buffers(void)
{
	kfree(foo_tx);
	kfree(foo_rx);
	foo_tx = foo_rx = NULL;
}

static int foo_open(struct inode *inode, struct file *file)
{
	int err;

	MOD_INC_USE_COUNT;
	err = foo_alloc_buffers(); // expected-warning{{'foo_alloc_buffers' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
	if (err) {
		MOD_DEC_USE_COUNT;
		return err;
	}
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	foo_free_buffers();
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
