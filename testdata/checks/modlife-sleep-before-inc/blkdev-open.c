/*
 * modlife-sleep-before-inc: a block driver's open in block_device_operations,
 * registered with register_blkdev() and no owner. The disk geometry buffer is
 * allocated with GFP_KERNEL before the module is pinned.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FOO_BLK_MAJOR 242
#define FOO_SECTORS 2048

static int *foo_blk_sizes;
static int foo_blk_users;

static int foo_blk_open(struct inode *inode, struct file *file)
{
	if (!foo_blk_sizes) {
		foo_blk_sizes = kmalloc(FOO_SECTORS * sizeof(int), GFP_KERNEL); // expected-warning{{'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
		if (!foo_blk_sizes)
			return -ENOMEM;
	}
	foo_blk_users++;
	MOD_INC_USE_COUNT;
	return 0;
}

static int foo_blk_release(struct inode *inode, struct file *file)
{
	foo_blk_users--;
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct block_device_operations foo_bdops = {
	open: foo_blk_open,
	release: foo_blk_release,
};

static int __init foo_blk_init(void)
{
	return register_blkdev(FOO_BLK_MAJOR, "fooblk", &foo_bdops);
}

static void __exit foo_blk_exit(void)
{
	unregister_blkdev(FOO_BLK_MAJOR, "fooblk");
	kfree(foo_blk_sizes);
}

module_init(foo_blk_init);
module_exit(foo_blk_exit);
