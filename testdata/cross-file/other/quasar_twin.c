/* other/quasar_twin.c -- a second, unrelated module that also defines a
 * quasar_fw_setup. A call from a third directory cannot tell the two apart,
 * so it links to neither: a finding is never built on a guess. */
#include <linux/module.h>
#include <linux/kmod.h>

int quasar_fw_setup(void)
{
	return request_module("twin-codec");
}
