/*
 * modlife-missing-dec-on-error, regression from Linux 2.4.22
 * drivers/sound/audio.c (audio_open): the low-level driver's module is
 * counted only when it has an owner, and the error path drops it under the
 * same test. The increment writes through driver->owner (its use count and
 * flags), which does not change driver->owner itself, so the second test
 * still follows the first. Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct lowlevel {
	struct module *owner;
	int (*open)(int dev);
};

extern struct lowlevel *lowlevel_of(int dev);

int mixer_open(int dev)
{
	struct lowlevel *driver = lowlevel_of(dev);
	int ret;

	if (driver->owner)
		__MOD_INC_USE_COUNT(driver->owner);

	if ((ret = driver->open(dev)) < 0)
		goto error_1;
	return 0;

error_1:
	if (driver->owner)
		__MOD_DEC_USE_COUNT(driver->owner);
	return ret;
}

/* expected-no-diagnostics */
