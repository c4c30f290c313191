/*
 * modlife-unbalanced-dec: module_put() in the branch where try_module_get()
 * failed drops a reference somebody else holds. The correct shapes stay
 * silent: put only after a successful get, and puts in a function that never
 * tries to get (it releases what its caller took).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct codec_ops {
	struct module *owner;
	int (*start)(void);
};

static struct codec_ops *codec;

static int codec_start_bad(void)
{
	int ret;

	if (!try_module_get(codec->owner)) { /* expected-note {{'try_module_get' fails here on that path}} */
		module_put(codec->owner); /* expected-warning {{'module_put' drops a reference on 'codec->owner' on a path where 'try_module_get' failed and took none}} expected-note {{an extra drop lets the count reach zero}} */
		return -ENODEV;
	}
	ret = codec->start();
	module_put(codec->owner);
	return ret;
}

static int codec_start_good(void)
{
	int ret;

	if (!codec || !try_module_get(codec->owner))
		return -ENODEV;
	ret = codec->start();
	module_put(codec->owner);
	return ret;
}

/* Drops the reference codec_open() took: no attempt here, so a contract. */
static void codec_stop(void)
{
	module_put(codec->owner);
}

int codec_user(void)
{
	codec_stop();
	return codec_start_bad() + codec_start_good();
}
