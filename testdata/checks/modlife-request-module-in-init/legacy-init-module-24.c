/*
 * modlife-request-module-in-init, Linux 2.4: a 2.2-style init_module() that
 * loads its codec module and waits for modprobe while it is still loading.
 * 2.4 has no request_module_nowait(), so there is no fix-it, only a note.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kmod.h>
#include <linux/errno.h>

static int codec_present;

int init_module(void)
{
	if (!codec_present)
		request_module("sound-codec-ac97"); /* expected-warning {{'request_module' in module init waits for modprobe while this module is still loading; the load can deadlock or recurse}} expected-note {{nothing uses the result: load the module from a work item that module init queues}} */
	return 0;
}

void cleanup_module(void)
{
}
