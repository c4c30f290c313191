/*
 * modlife-request-module-in-init, Linux 6.1 built in (no -DMODULE): there
 * module_init() becomes an initcall variable, and the function it names is
 * still init code. The same driver is a module in other configurations, so
 * the load is reported. try_then_request_module() waits too.
 * modlife-mock: linux-6-builtin
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kmod.h>
#include <linux/errno.h>

struct crypto_alg;
extern struct crypto_alg *find_alg(const char *name);

static struct crypto_alg *alg;

static int __init tea_init(void)
{
	/* expected-warning@+2 {{'try_then_request_module' in module init waits for modprobe}} */
	/* expected-note@+1 {{the result is used, so the load cannot simply stop waiting}} */
	alg = try_then_request_module(find_alg("tea"), "crypto-tea");
	return alg ? 0 : -ENOENT;
}

module_init(tea_init); /* expected-note {{'tea_init' is this module's init function}} */
