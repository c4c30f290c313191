/* third/stranger.c -- two modules define quasar_fw_setup and neither is in
 * this directory: the call links to nothing, and nothing is reported. */
#include <linux/module.h>
#include <linux/init.h>

int quasar_fw_setup(void);

static int __init stranger_init(void)
{
	return quasar_fw_setup();
}
module_init(stranger_init);
MODULE_LICENSE("GPL");
