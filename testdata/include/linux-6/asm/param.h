/* modlife test mock of the Linux 6.1 <asm/param.h>: the tick rate. */
#ifndef _MOCK6_ASM_PARAM_H
#define _MOCK6_ASM_PARAM_H

#include <linux/kconfig.h>

#define HZ CONFIG_HZ
#define USER_HZ 100

#endif /* _MOCK6_ASM_PARAM_H */
