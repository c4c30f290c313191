/* modlife test mock of the Linux 2.4 <linux/config.h>: no configuration. */
#ifndef _MOCK24_LINUX_CONFIG_H
#define _MOCK24_LINUX_CONFIG_H

#include <linux/compiler.h>

#endif /* _MOCK24_LINUX_CONFIG_H */
