/* quasar_fw.c -- firmware and codec helpers of a modern driver split over
 * two files. (A fictional driver for modlife's cross-file tests.) */
#include <linux/module.h>
#include <linux/kmod.h>

int quasar_fw_setup(void)
{
	return request_module("quasar-codec");
}

void quasar_fw_prefetch(void)
{
	request_module_nowait("quasar-extras");
}
