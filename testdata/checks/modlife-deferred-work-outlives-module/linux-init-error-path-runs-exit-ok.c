/*
 * A failure path of init that calls the module's own exit function leaves
 * the timer to it (ipmi_si_intf.c's init_ipmi_si() calls cleanup_ipmi_si()
 * when it finds no interface, in Linux 6.1). The exit function stops the
 * timer only through the core: it unregisters, and the core calls the
 * .shutdown method, which is what waits for the timer.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
/* expected-no-diagnostics */

struct poller_handlers {
	void (*shutdown)(void *data);
};

/* The core, in another module: calls handlers->shutdown(data). */
extern int poller_register(const struct poller_handlers *h, void *data);
extern void poller_unregister(void *data);

static struct timer_list poller_timer;
static unsigned long poller_polls;

static void poller_fn(struct timer_list *t)
{
	poller_polls++;
	mod_timer(&poller_timer, jiffies + HZ);
}

static void poller_shutdown(void *data)
{
	del_timer_sync(&poller_timer);
}

static const struct poller_handlers poller_handlers = {
	.shutdown = poller_shutdown,
};

static void poller_exit(void)
{
	poller_unregister(&poller_timer);
}

static int __init poller_init(void)
{
	int ret;

	timer_setup(&poller_timer, poller_fn, 0);
	mod_timer(&poller_timer, jiffies + HZ);
	ret = poller_register(&poller_handlers, &poller_timer);
	if (ret) {
		poller_exit();
		return ret;
	}
	return 0;
}

module_init(poller_init);
module_exit(poller_exit);
MODULE_LICENSE("GPL");
