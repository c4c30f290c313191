/* modlife test mock of the Linux 6.1 <linux/kconfig.h>: the configuration and IS_ENABLED(). */
#ifndef _MOCK6_LINUX_KCONFIG_H
#define _MOCK6_LINUX_KCONFIG_H

#include <generated/autoconf.h>

/* An option set to 1 turns "__ARG_PLACEHOLDER_1" into "0,", which shifts the 1 into place. */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)

#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_ENABLED(option) (IS_BUILTIN(option) || IS_MODULE(option))

#endif /* _MOCK6_LINUX_KCONFIG_H */
