/*
 * modlife-missing-dec-on-error, regression from Linux 6.1 fs/nfs/client.c and
 * drivers/net/phy/phy_device.c: the error path drops the reference through a
 * helper of the same file that puts the module under another spelling
 * (v->owner here, nfs->owner there). Silent.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

struct proto_version {
	struct module *owner;
	int (*setup)(void);
};

static void put_version(struct proto_version *v)
{
	module_put(v->owner);
}

int client_alloc(struct proto_version *ver)
{
	int err;

	if (!try_module_get(ver->owner))
		return -ENODEV;
	err = ver->setup();
	if (err)
		goto error_cleanup;
	return 0;

error_cleanup:
	put_version(ver);
	return err;
}

/* expected-no-diagnostics */
