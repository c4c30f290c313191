/*
 * A subsystem core whose items belong to the drivers that register with
 * it: the exported unregister function, which each driver calls before it
 * unloads, cancels the work; module_exit does not need to. Nothing to
 * report (the shape of hwrng_unregister() and ipmi_unregister_smi() in
 * Linux 6.1, which stop their kthread and tasklets there).
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
// expected-no-diagnostics

struct gadget {
	struct work_struct poll;
	int polls;
};

static void gadget_poll(struct work_struct *work)
{
	struct gadget *g = container_of(work, struct gadget, poll);

	g->polls++;
}

int gadget_register(struct gadget *g);
void gadget_unregister(struct gadget *g);

int gadget_register(struct gadget *g)
{
	INIT_WORK(&g->poll, gadget_poll);
	schedule_work(&g->poll);
	return 0;
}
EXPORT_SYMBOL_GPL(gadget_register);

void gadget_unregister(struct gadget *g)
{
	cancel_work_sync(&g->poll);
}
EXPORT_SYMBOL_GPL(gadget_unregister);

static int __init gadget_core_init(void)
{
	return 0;
}

static void __exit gadget_core_exit(void)
{
}

module_init(gadget_core_init);
module_exit(gadget_core_exit);
MODULE_LICENSE("GPL");
