/*
 * modlife-sleep-before-inc: a 2.2-style read_super that counts for itself,
 * registered without an owner. bread() waits for the disk before the module
 * is pinned; mount runs under the big kernel lock, so this is the race.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

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

	bh = bread(sb->s_dev, FOOFS_SUPER_BLOCK, BLOCK_SIZE); // expected-warning{{'bread' may sleep before 'MOD_INC_USE_COUNT' pins the module}}
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

static struct file_system_type foofs_type = {
	name: "foofs",
	read_super: foofs_read_super,
	fs_flags: FS_REQUIRES_DEV,
};

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
