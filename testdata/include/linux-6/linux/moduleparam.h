/* modlife test mock of the Linux 6.1 <linux/moduleparam.h>: module parameters. */
#ifndef _MOCK6_LINUX_MODULEPARAM_H
#define _MOCK6_LINUX_MODULEPARAM_H

#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/kernel.h>

/* A string in .modinfo, "tag=info", read by modinfo and the loader. */
#define __MODULE_INFO(tag, name, info) \
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) = \
		__stringify(tag) "=" info

#define __MODULE_PARM_TYPE(name, _type) \
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

#define MODULE_PARM_DESC(_parm, desc) \
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

/* Only the variable is kept alive: the type name (charp, uint...) is a token. */
#define module_param_named(name, value, type, perm) \
	static void *__param_##name __used = &(value); \
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) \
	module_param_named(name, name, type, perm)

#define module_param_array(name, type, nump, perm) \
	static void *__param_arr_##name __used = (name); \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_string(name, string, len, perm) \
	static void *__param_string_##name __used = (string)

#endif /* _MOCK6_LINUX_MODULEPARAM_H */
