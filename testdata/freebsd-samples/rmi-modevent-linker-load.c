/*
 * request-module-in-init: linker_reference_module() and linker_load_module()
 * from MOD_LOAD.
 * BUG: a kernel-side codec registry pins its default codec on MOD_LOAD
 * with linker_reference_module(), which loads codec_pcm.ko if it is not
 * there, and falls back to loading a generic file with
 * linker_load_module() (kern_linker.c's own entry point today, public in
 * old trees). Both need the kernel linker, which is busy running this
 * very MOD_LOAD.
 * Report: modlife-request-module-in-init at rmi-modevent-linker-load.c:39
 * Report: modlife-request-module-in-init at rmi-modevent-linker-load.c:42
 * Note: rmi-modevent-linker-load.c:59 DEV_MODULE makes codecreg_modevent the MOD_LOAD handler
 * modlife-mock: freebsd
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/conf.h>
#include <sys/linker.h>

static linker_file_t codecreg_default;

linker_file_t codecreg_default_file(void);

linker_file_t
codecreg_default_file(void)
{
	return (codecreg_default);
}

static int
codecreg_modevent(module_t mod, int type, void *arg)
{
	int error;

	switch (type) {
	case MOD_LOAD:
		error = linker_reference_module("codec_pcm", NULL, /* report: may load codec_pcm.ko from MOD_LOAD */
		    &codecreg_default);
		if (error == ENOENT)
			error = linker_load_module("codec_generic.ko", NULL, /* report: loads a file from MOD_LOAD */
			    NULL, NULL, &codecreg_default);
		if (error != 0) {
			printf("codecreg: no default codec (error %d)\n", error);
			return (error);
		}
		return (0);
	case MOD_UNLOAD:
		if (codecreg_default != NULL)
			linker_release_module(NULL, NULL, codecreg_default);
		codecreg_default = NULL;
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

DEV_MODULE(codecreg, codecreg_modevent, NULL); /* note: the module's MOD_LOAD handler */
MODULE_VERSION(codecreg, 1);
