/*
 * modlife-sleep-before-inc: the same read_super declared with 2.4's
 * DECLARE_FSTYPE_DEV, which sets owner to THIS_MODULE: the VFS pins the
 * module before calling read_super, and the old MOD_INC_USE_COUNT left in
 * the body is merely redundant. Nothing to report.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

// expected-no-diagnostics

#define FOOFS_MAGIC 0xf00f
#define FOOFS_SUPER_BLOCK 1

struct foofs_super {
	unsigned long magic;
	unsigned long blocks;
};

static void foofs_put_super(struct super_block *sb)
{
	MOD_DEC_USE_COUNT;
}

static struct super_operations foofs_sops = {
	.put_super = foofs_put_super,
};

static struct super_block *foofs_read_super(struct super_block *sb, void *data, int silent)
{
	struct buffer_head *bh;
	struct foofs_super *fs;

	bh = bread(sb->s_dev, FOOFS_SUPER_BLOCK, BLOCK_SIZE);
	if (!bh)
		return NULL;
	fs = (struct foofs_super *)bh->b_data;
	if (fs->magic != FOOFS_MAGIC) {
		brelse(bh);
		return NULL;
	}
	MOD_INC_USE_COUNT;
	sb->s_magic = FOOFS_MAGIC;
	sb->s_blocksize = BLOCK_SIZE;
	sb->s_op = &foofs_sops;
	brelse(bh);
	return sb;
}

static DECLARE_FSTYPE_DEV(foofs_type, "foofs", foofs_read_super);

static int __init foofs_init(void)
{
	return register_filesystem(&foofs_type);
}

static void __exit foofs_exit(void)
{
	unregister_filesystem(&foofs_type);
}

module_init(foofs_init);
module_exit(foofs_exit);
