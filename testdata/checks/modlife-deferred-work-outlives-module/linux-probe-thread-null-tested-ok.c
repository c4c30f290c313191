/*
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
/* expected-no-diagnostics */

struct pwatch {
	struct platform_device *pdev;
	struct task_struct *thread;
	unsigned long polls;
};

extern int pwatch_register(struct pwatch *pw);

static int pwatch_thread(void *data)
{
	struct pwatch *pw = data;

	while (!kthread_should_stop())
		pw->polls++;
	return 0;
}

static int pwatch_probe(struct platform_device *pdev)
{
	struct pwatch *pw;
	int rv;

	pw = kzalloc(sizeof(*pw), GFP_KERNEL);
	if (!pw)
		return -ENOMEM;
	pw->pdev = pdev;
	pw->thread = kthread_run(pwatch_thread, pw, "pwatch");
	if (IS_ERR(pw->thread)) {
		rv = PTR_ERR(pw->thread);
		pw->thread = NULL;
		goto out;
	}
	rv = pwatch_register(pw);
out:
	if (rv) {
		if (pw->thread) {
			kthread_stop(pw->thread);
			pw->thread = NULL;
		}
		kfree(pw);
	}
	return rv;
}

static int pwatch_remove(struct platform_device *pdev)
{
	struct pwatch *pw = platform_get_drvdata(pdev);

	kthread_stop(pw->thread);
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
