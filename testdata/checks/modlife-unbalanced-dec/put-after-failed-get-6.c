/*
 * modlife-unbalanced-dec, Linux 6.1: a codec layer that drops the codec's
 * module in the branch where try_module_get() failed, and a second put of
 * one reference in the success path.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/errno.h>

struct codec {
	struct module *owner;
	int (*attach)(struct codec *c);
};

int codec_attach(struct codec *c)
{
	int ret;

	if (!try_module_get(c->owner)) { /* expected-note {{'try_module_get' fails here on that path}} */
		module_put(c->owner); /* expected-warning {{'module_put' drops a reference on 'c->owner' on a path where 'try_module_get' failed and took none}} expected-note {{an extra drop}} */
		return -ENODEV;
	}
	ret = c->attach(c);
	if (ret)
		module_put(c->owner);
	return ret;
}

int codec_probe_once(struct codec *c)
{
	int ret;

	if (!try_module_get(c->owner)) /* expected-note {{the reference it drops was taken here, and dropped already on this path}} */
		return -ENODEV;
	ret = c->attach(c);
	module_put(c->owner);
	if (ret)
		module_put(c->owner); /* expected-warning {{'module_put' drops a reference on 'c->owner' that this path has already dropped}} expected-note {{an extra drop}} */
	return ret;
}
