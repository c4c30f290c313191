/* modlife test mock of the Linux 6.1 <generated/autoconf.h>: the configuration the mocks assume. */
#ifndef _MOCK6_GENERATED_AUTOCONF_H
#define _MOCK6_GENERATED_AUTOCONF_H

/* Loadable modules that can be unloaded, on a 64-bit SMP machine. */
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_SMP 1
#define CONFIG_64BIT 1
#define CONFIG_MMU 1
#define CONFIG_NR_CPUS 64
#define CONFIG_HZ 250

/* The debug shapes of might_sleep() and might_fault(). */
#define CONFIG_DEBUG_ATOMIC_SLEEP 1

#define CONFIG_PCI 1
#define CONFIG_USB 1
#define CONFIG_I2C 1
#define CONFIG_NET 1
#define CONFIG_PROC_FS 1
#define CONFIG_SYSFS 1

#endif /* _MOCK6_GENERATED_AUTOCONF_H */
