/*
 * request-module-in-init, correct twin of rmi-modevent-firmware.c and
 * rmi-sysinit-kldload.c.
 * CORRECT: MOD_LOAD only creates /dev/acmeuc. The microcode image is
 * fetched on first open, long after kldload has finished, and an optional
 * helper module is loaded there too. Unload destroys the device before it
 * drops the image, so no open can race with the teardown.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/lock.h>
#include <sys/sx.h>
#include <sys/proc.h>
#include <sys/firmware.h>
#include <sys/syscallsubr.h>

static struct cdev *acmeuc_dev;
static struct sx acmeuc_lock;
static const struct firmware *acmeuc_fw;
static int acmeuc_helper_id;

static int
acmeuc_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	int error = 0;

	sx_xlock(&acmeuc_lock);
	if (acmeuc_fw == NULL) {
		acmeuc_fw = firmware_get("acme_ucode");
		if (acmeuc_fw == NULL)
			error = ENOENT;
		else if (acmeuc_helper_id == 0)
			(void)kern_kldload(td, "acmeuc_helper", &acmeuc_helper_id);
	}
	sx_xunlock(&acmeuc_lock);
	return (error);
}

static struct cdevsw acmeuc_cdevsw = {
	.d_version = D_VERSION,
	.d_open = acmeuc_open,
	.d_name = "acmeuc",
};

static int
acmeuc_modevent(module_t mod, int type, void *arg)
{
	struct make_dev_args args;

	switch (type) {
	case MOD_LOAD:
		sx_init(&acmeuc_lock, "acmeuc");
		make_dev_args_init(&args);
		args.mda_devsw = &acmeuc_cdevsw;
		args.mda_uid = UID_ROOT;
		args.mda_gid = GID_OPERATOR;
		args.mda_mode = 0640;
		return (make_dev_s(&args, &acmeuc_dev, "acmeuc"));
	case MOD_UNLOAD:
		if (acmeuc_dev != NULL)
			destroy_dev(acmeuc_dev);
		if (acmeuc_fw != NULL)
			firmware_put(acmeuc_fw, FIRMWARE_UNLOAD);
		sx_destroy(&acmeuc_lock);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmeuc, acmeuc_modevent, NULL);
MODULE_VERSION(acmeuc, 1);
MODULE_DEPEND(acmeuc, firmware, 1, 1, 1);
