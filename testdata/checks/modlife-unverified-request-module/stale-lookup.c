/*
 * modlife-unverified-request-module: a codec registry that asks modprobe for
 * a missing codec and then uses the lookup it made before the load. The
 * pointer is still NULL: request_module() returning 0 loaded nothing into
 * it, and may not have loaded the codec at all.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/kmod.h>
#include <linux/errno.h>

struct codec {
	int (*decode)(const void *in, void *out);
};

extern struct codec *find_codec(const char *name);

int codec_decode(const char *name, const void *in, void *out)
{
	struct codec *c;

	c = find_codec(name); // expected-note {{'c' was looked up here and not found}}
	if (!c) {
		if (request_module("codec-%s", name)) // expected-note {{'request_module' asks for the module here}} expected-note {{look it up again after the load: 'c = find_codec(name)'}}
			return -ENOENT;
	}
	return c->decode(in, out); // expected-warning {{'c' is used after 'request_module' without looking it up again: a zero result only means that modprobe ran}}
}

/* The same with the lookup in the declaration: no fix-it, a note. */
int codec_decode_first(const char *name, const void *in, void *out)
{
	struct codec *c = find_codec(name); // expected-note {{'c' was looked up here and not found}}

	if (!c) {
		request_module("codec-%s", name); // expected-note {{'request_module' asks for the module here}} expected-note {{look it up again after the load: 'c = find_codec(name)'}}
	}
	return c->decode(in, out); // expected-warning {{'c' is used after 'request_module' without looking it up again}}
}
