/*
 * modlife-unverified-request-module: the fix-it. A lookup, then a load in
 * an if of its own, then a use: try_then_request_module() does the lookup
 * again after the load.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kmod.h>
#include <linux/errno.h>

struct cipher {
	int blocksize;
};

extern struct cipher *cipher_find(const char *name);

int cipher_blocksize(const char *name)
{
	struct cipher *c;

	/* expected-note@+4 {{'request_module' asks for the module here}} */
	/* expected-note@+3 {{'try_then_request_module' looks the module up again after loading it}} */
	c = cipher_find(name); // expected-note {{'c' was looked up here and not found}}
	if (!c)
		request_module("cipher-%s", name);
	return c->blocksize; // expected-warning {{'c' is used after 'request_module' without looking it up again}}
}
