/* quasar_main.c -- module init calls into quasar_fw.c. */
#include <linux/module.h>
#include <linux/init.h>

int quasar_fw_setup(void);
void quasar_fw_prefetch(void);

static int __init quasar_init(void)
{
	/* Fine: nobody waits for this load. */
	quasar_fw_prefetch();
	/* BUG: waits for modprobe while this module is still loading. */
	return quasar_fw_setup();
}

static void __exit quasar_exit(void)
{
}

module_init(quasar_init);
module_exit(quasar_exit);
MODULE_LICENSE("GPL");
