/*
 * As linux-init-error-path.c, with the watchdog timer armed by a helper
 * that init calls: the report is at the arming in the helper, with a note
 * at the call, and a note says what to add (no fix-it: the arming is not
 * init's own statement).
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

static struct timer_list sampler_watchdog;
static int sampler_major;
static unsigned long sampler_samples;

static const struct file_operations sampler_fops = {
	.owner = THIS_MODULE,
};

static void sampler_watchdog_fn(struct timer_list *t)
{
	sampler_samples = 0;
}

static void sampler_start_watchdog(void)
{
	timer_setup(&sampler_watchdog, sampler_watchdog_fn, 0);
	mod_timer(&sampler_watchdog, jiffies + 10 * HZ); /* expected-warning {{timer 'sampler_watchdog' runs 'sampler_watchdog_fn' from this module, but 'sampler_init' can fail with it still armed; a module whose init fails is freed, and 'sampler_watchdog_fn' then runs in freed text}} */
}

static int __init sampler_init(void) /* expected-note {{drain 'sampler_watchdog' with 'del_timer_sync' on the failure paths of 'sampler_init' that armed it, before what 'sampler_watchdog_fn' uses is freed}} */
{
	int ret;

	sampler_start_watchdog(); /* expected-note {{'sampler_init' arms it through this call}} */
	ret = register_chrdev(0, "sampler", &sampler_fops);
	if (ret < 0)
		return ret; /* expected-note {{'sampler_init' fails here without draining 'sampler_watchdog'}} */
	sampler_major = ret;
	return 0;
}

static void __exit sampler_exit(void)
{
	del_timer_sync(&sampler_watchdog);
	unregister_chrdev(sampler_major, "sampler");
}

module_init(sampler_init); /* expected-note {{'sampler_init' runs at load (module_init)}} */
module_exit(sampler_exit);
MODULE_LICENSE("GPL");
