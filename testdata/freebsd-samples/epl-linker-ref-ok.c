/*
 * error-path pair leak, correct twin of epl-linker-ref-leak.c.
 * CORRECT: the codec reference is dropped when the entry point is
 * missing, and the previous codec's when a new one replaces it. Each open
 * also holds a dev_ref() on the cdev, dropped by dev_rel() in its
 * cdevpriv destructor, so the pairs balance on every path.
 * Report: none
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/ioccom.h>
#include <sys/linker.h>

struct acmedsp_select {
	char codec[32];
};

#define ACMEDSP_SELECT _IOW('D', 1, struct acmedsp_select)

static struct cdev *acmedsp_dev;
static linker_file_t acmedsp_codec;
static caddr_t acmedsp_entry;

static void
acmedsp_priv_dtor(void *data)
{
	dev_rel(data);
}

static int
acmedsp_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	int error;

	dev_ref(dev);
	error = devfs_set_cdevpriv(dev, acmedsp_priv_dtor);
	if (error != 0)
		dev_rel(dev);
	return (error);
}

static int
acmedsp_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag,
    struct thread *td)
{
	struct acmedsp_select *sel = (struct acmedsp_select *)data;
	linker_file_t lf;
	caddr_t entry;
	int error;

	if (cmd != ACMEDSP_SELECT)
		return (ENOTTY);
	sel->codec[sizeof(sel->codec) - 1] = '\0';
	error = linker_reference_module(sel->codec, NULL, &lf);
	if (error != 0)
		return (error);
	entry = linker_file_lookup_symbol(lf, "acme_codec_entry", 0);
	if (entry == NULL) {
		linker_release_module(NULL, NULL, lf);
		return (EINVAL);
	}
	if (acmedsp_codec != NULL)
		linker_release_module(NULL, NULL, acmedsp_codec);
	acmedsp_codec = lf;
	acmedsp_entry = entry;
	return (0);
}

static struct cdevsw acmedsp_cdevsw = {
	.d_version = D_VERSION,
	.d_open = acmedsp_open,
	.d_ioctl = acmedsp_ioctl,
	.d_name = "acmedsp",
};

static int
acmedsp_modevent(module_t mod, int type, void *arg)
{
	switch (type) {
	case MOD_LOAD:
		acmedsp_dev = make_dev(&acmedsp_cdevsw, 0, UID_ROOT, GID_WHEEL,
		    0600, "acmedsp");
		return (0);
	case MOD_UNLOAD:
		destroy_dev(acmedsp_dev);
		if (acmedsp_codec != NULL)
			linker_release_module(NULL, NULL, acmedsp_codec);
		acmedsp_entry = NULL;
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(acmedsp, acmedsp_modevent, NULL);
MODULE_VERSION(acmedsp, 1);
