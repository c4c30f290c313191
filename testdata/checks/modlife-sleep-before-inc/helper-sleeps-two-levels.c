/*
 * modlife-sleep-before-inc: the sleep is two calls down. foo_setup() calls
 * foo_alloc_ring(), which calls kmalloc(GFP_KERNEL). The finding is at the
 * entry point's call of foo_setup().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FOO_MAJOR 240
#define FOO_RING_ENTRIES 64

struct foo_desc {
	unsigned long addr;
	unsigned int len;
	unsigned int status;
};

static struct foo_desc *foo_ring;
static int foo_users;

static struct foo_desc *foo_alloc_ring(int entries)
{
	return kmalloc(entries * sizeof(struct foo_desc), GFP_KERNEL);
}

static int foo_setup(void)
{
	if (foo_ring)
		return 0;
	foo_ring = foo_alloc_ring(FOO_RING_ENTRIES);
	return foo_ring ? 0 : -ENOMEM;
}

static int foo_open(struct inode *inode, struct file *file)
{
	if (foo_setup() < 0) // expected-warning{{'foo_setup' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		return -ENOMEM;
	foo_users++;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_release(struct inode *inode, struct file *file)
{
	if (--foo_users == 0) {
		kfree(foo_ring);
		foo_ring = NULL;
	}
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
