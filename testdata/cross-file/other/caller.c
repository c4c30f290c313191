/* other/caller.c -- links to other/quasar_twin.c's quasar_fw_setup, the
 * definition in its own directory, and so has a finding. */
#include <linux/module.h>
#include <linux/init.h>

int quasar_fw_setup(void);

static int __init caller_init(void)
{
	return quasar_fw_setup();
}
module_init(caller_init);
MODULE_LICENSE("GPL");
