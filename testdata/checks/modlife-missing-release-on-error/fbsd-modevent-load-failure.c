/*
 * modlife-missing-release-on-error, FreeBSD module event handler. The
 * kernel sends MOD_UNLOAD after a failed MOD_LOAD, so a cdev that MOD_LOAD
 * stored in a global and then failed is destroyed there: not a finding.
 * A firmware image held in a local is different: MOD_UNLOAD cannot name
 * it, and the failure return leaks it, also when the local is declared
 * beside another variable.
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/firmware.h>

static struct cdev *beacon_dev;
static int beacon_version;

static struct cdevsw beacon_cdevsw = {
	.d_version = D_VERSION,
	.d_name = "beacon",
};

static int
beacon_modevent(module_t mod, int type, void *arg)
{
	const struct firmware *fw;

	switch (type) {
	case MOD_LOAD:
		beacon_dev = make_dev(&beacon_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "beacon");
		fw = firmware_get("beacon_table"); /* expected-note {{the firmware image is taken here, when 'firmware_get' succeeds}} */
		if (fw == NULL)
			return (ENOENT);
		if (fw->version == 0)
			return (EINVAL); /* expected-warning {{failure return keeps the firmware image taken by 'firmware_get'}} */
		beacon_version = fw->version;
		firmware_put(fw, FIRMWARE_UNLOAD);
		{
			const struct firmware *parent, *patch =
			    firmware_get("beacon_patch"); /* expected-note {{the firmware image is taken here, when 'firmware_get' succeeds}} */

			if (patch == NULL)
				return (0);
			parent = patch->parent;
			if (parent == NULL)
				return (EINVAL); /* expected-warning {{failure return keeps the firmware image taken by 'firmware_get'}} */
			beacon_version = patch->version;
			firmware_put(patch, FIRMWARE_UNLOAD);
		}
		return (0);
	case MOD_UNLOAD:
		if (beacon_dev != NULL)
			destroy_dev(beacon_dev);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t beacon_mod = { "beacon", beacon_modevent, NULL };
DECLARE_MODULE(beacon, beacon_mod, SI_SUB_DRIVERS, SI_ORDER_MIDDLE);
