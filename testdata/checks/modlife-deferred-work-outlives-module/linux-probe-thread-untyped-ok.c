/*
 * As linux-probe-thread-null-tested-ok.c, in code whose header with the
 * device's struct did not parse (a real database often lacks an -I): the
 * field has no type, and the null test still counts, since kthread_run
 * returns a pointer.
 *
 * probe starts a kernel thread and keeps it in the device's state; its
 * shared failure path stops the thread only when one was started ("if
 * (pw->thread)"), and a failed start leaves the field NULL. Every failure
 * path that can have the thread running stops it (ipmi_ssif.c's
 * ssif_probe() in Linux 6.1). The arming's value is stored in pw->thread,
 * so the null test says that nothing was started on that edge.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/kthread.h>
#include <linux/err.h>
#include <linux/slab.h>

struct pwatch;

extern int pwatch_register(struct pwatch *pw);

static int pwatch_thread(void *data)
{
	struct pwatch *pw = data;

	while (!kthread_should_stop())
		pw->polls++; /* expected-error {{incomplete definition of type}} */
	return 0;
}

static int pwatch_probe(struct platform_device *pdev)
{
	struct pwatch *pw;
	int rv;

	pw = kzalloc(sizeof(*pw), GFP_KERNEL); /* expected-error {{invalid application of 'sizeof'}} */
	if (!pw)
		return -ENOMEM;
	pw->pdev = pdev; /* expected-error {{incomplete definition of type}} */
	pw->thread = kthread_run(pwatch_thread, pw, "pwatch"); /* expected-error {{incomplete definition of type}} */
	if (IS_ERR(pw->thread)) { /* expected-error {{incomplete definition of type}} */
		rv = PTR_ERR(pw->thread); /* expected-error {{incomplete definition of type}} */
		pw->thread = NULL; /* expected-error {{incomplete definition of type}} */
		goto out;
	}
	rv = pwatch_register(pw);
out:
	if (rv) {
		if (pw->thread) { /* expected-error {{incomplete definition of type}} */
			kthread_stop(pw->thread); /* expected-error {{incomplete definition of type}} */
			pw->thread = NULL; /* expected-error {{incomplete definition of type}} */
		}
		kfree(pw);
	}
	return rv;
}

static int pwatch_remove(struct platform_device *pdev)
{
	struct pwatch *pw = platform_get_drvdata(pdev);

	kthread_stop(pw->thread); /* expected-error {{incomplete definition of type}} */
	kfree(pw);
	return 0;
}

static struct platform_driver pwatch_driver = {
	.probe = pwatch_probe,
	.remove = pwatch_remove,
	.driver = { .name = "pwatch" },
};
module_platform_driver(pwatch_driver);
MODULE_LICENSE("GPL");
