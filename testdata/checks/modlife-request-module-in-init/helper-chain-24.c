/*
 * modlife-request-module-in-init, Linux 2.4: the load sits two helpers down
 * from the function module_init() names. Reported at the call in init, with
 * a note at each step and at module_init.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kmod.h>
#include <linux/errno.h>

static int tuner_loaded;

static int load_tuner(void)
{
	if (request_module("tuner") == 0) /* expected-note {{'load_tuner' calls 'request_module', which waits for modprobe}} expected-note {{the result is used, so the load cannot simply stop waiting}} */
		tuner_loaded = 1;
	return tuner_loaded ? 0 : -ENODEV;
}

static int probe_card(int idx)
{
	if (idx > 0)
		return load_tuner(); /* expected-note {{'probe_card' calls 'load_tuner'}} */
	return 0;
}

static int __init radio_init(void)
{
	int err;

	err = probe_card(1); /* expected-warning {{'probe_card' may call 'request_module' from module init}} */
	if (err)
		return err;
	return 0;
}

static void __exit radio_exit(void)
{
}

module_init(radio_init); /* expected-note {{'radio_init' is this module's init function}} */
module_exit(radio_exit);
