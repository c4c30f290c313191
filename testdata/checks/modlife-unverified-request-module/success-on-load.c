/*
 * modlife-unverified-request-module: a check that a protocol is available
 * says yes as soon as modprobe exits with 0, without looking again.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kmod.h>
#include <linux/errno.h>
#include <linux/types.h>

struct proto;
extern struct proto *proto_lookup(int family);

int proto_ensure(int family)
{
	int err;

	if (!proto_lookup(family)) { // expected-note {{'proto_lookup(family)' was looked up here and not found}}
		err = request_module("net-pf-%d", family); // expected-note {{'request_module' asks for the module here}} expected-note {{look it up again after the load: 'proto_lookup(family)'}}
		if (err < 0)
			return err;
	}
	return 0; // expected-warning {{returns success because 'request_module' returned 0, which does not prove that the module is loaded}}
}

bool proto_available(int family)
{
	if (proto_lookup(family) == NULL) // expected-note {{'proto_lookup(family)' was looked up here and not found}}
		return request_module("net-pf-%d", family) == 0; // expected-warning {{returns success because 'request_module' returned 0}} expected-note {{'request_module' asks for the module here}} expected-note {{look it up again after the load: 'proto_lookup(family)'}}
	return true;
}
