/* modlife test mock of the Linux 6.1 <linux/firmware.h>: loading firmware images. */
#ifndef _MOCK6_LINUX_FIRMWARE_H
#define _MOCK6_LINUX_FIRMWARE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>

struct device;
struct module;

struct firmware {
	size_t size;
	const u8 *data;
	void *priv;
};

/* Waits for the file system (or user space): sleeps. */
int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int firmware_request_nowarn(const struct firmware **fw, const char *name,
			    struct device *device);
int request_firmware_direct(const struct firmware **fw, const char *name,
			    struct device *device);
/* Pins module until cont has run. */
int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context));
void release_firmware(const struct firmware *fw);

#endif /* _MOCK6_LINUX_FIRMWARE_H */
