/*
 * modlife test mock of the FreeBSD <sys/firmware.h>: firmware(9).
 * firmware_get() returns a registered image with a reference on it. If
 * the image is not registered, it queues a task on taskqueue_thread that
 * loads a module named after the image (through the kernel linker) and
 * sleeps until that task is done. So it sleeps, and it waits for the
 * linker: called while the linker is loading this very module (from
 * MOD_LOAD, a SYSINIT, or an attach that MOD_LOAD reaches) it can block
 * forever. Every successful firmware_get() needs a firmware_put().
 */
#ifndef _MOCKFBSD_SYS_FIRMWARE_H
#define _MOCKFBSD_SYS_FIRMWARE_H

#include <sys/types.h>

struct firmware {
	const char *name;		/* system-wide name */
	const void *data;		/* location of image */
	size_t datasize;		/* size of image in bytes */
	unsigned int version;		/* version of the image */
	const struct firmware *parent;	/* image holding this one */
};

const struct firmware *firmware_register(const char *,
    const void *, size_t, unsigned int, const struct firmware *);
int firmware_unregister(const char *);

#define FIRMWARE_GET_NOWARN 0x0001	/* do not warn if firmware not found */
const struct firmware *firmware_get(const char *);
const struct firmware *firmware_get_flags(const char *, uint32_t flags);

#define FIRMWARE_UNLOAD 0x0001		/* unload if unreferenced */
void firmware_put(const struct firmware *, int);

#endif /* _MOCKFBSD_SYS_FIRMWARE_H */
