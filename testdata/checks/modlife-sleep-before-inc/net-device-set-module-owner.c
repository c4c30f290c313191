// Regression from Linux 2.4.22 drivers/net/eepro.c: the probe function does
// SET_MODULE_OWNER(dev), so dev_open() pins the module through dev->owner
// before it calls the driver's open(). Sleeping before MOD_INC_USE_COUNT is
// then harmless and must stay silent.
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/errno.h>

static void foo_interrupt(int irq, void *dev_id, struct pt_regs *regs) { }

static int foo_open(struct net_device *dev)
{
	if (request_irq(dev->irq, foo_interrupt, 0, dev->name, dev))
		return -EAGAIN;
	MOD_INC_USE_COUNT;
	return 0;
}

int foo_probe(struct net_device *dev)
{
	SET_MODULE_OWNER(dev);
	dev->open = foo_open;
	return 0;
}

// expected-no-diagnostics
