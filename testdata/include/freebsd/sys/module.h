/*
 * modlife test mock of the FreeBSD <sys/module.h>: module declarations.
 * DECLARE_MODULE puts the module's metadata in "modmetadata_set" and a
 * SYSINIT that calls module_register_init(&data). That registers the
 * module and calls its event handler with MOD_LOAD, while the kernel
 * linker is still loading the file. If MOD_LOAD fails, the handler is
 * called again with MOD_UNLOAD before the module is released.
 * kldunload sends MOD_QUIESCE (skipped by kldunload -f) and then
 * MOD_UNLOAD; a non-zero return vetoes the unload. Shutdown sends
 * MOD_SHUTDOWN. A handler returns EOPNOTSUPP for an event it does not
 * implement.
 */
#ifndef _MOCKFBSD_SYS_MODULE_H
#define _MOCKFBSD_SYS_MODULE_H

#include <sys/param.h>

/* Module metadata types. */
#define MDT_DEPEND 1		/* argument is a module name */
#define MDT_MODULE 2		/* module declaration */
#define MDT_VERSION 3		/* module version(s) */
#define MDT_PNP_INFO 4		/* plug and play hints record */

#define MDT_STRUCT_VERSION 1	/* version of metadata structure */
#define MDT_SETNAME "modmetadata_set"

typedef enum modeventtype {
	MOD_LOAD,
	MOD_UNLOAD,
	MOD_SHUTDOWN,
	MOD_QUIESCE
} modeventtype_t;

typedef struct module *module_t;
typedef int (*modeventhand_t)(module_t, int /* modeventtype_t */, void *);

/* What DECLARE_MODULE registers: a name, the event handler and its argument. */
typedef struct moduledata {
	const char *name;	/* module name */
	modeventhand_t evhand;	/* event handler */
	void *priv;		/* extra data */
} moduledata_t;

/* Reported to userland by kldstat(2). */
typedef union modspecific {
	int intval;
	u_int uintval;
	long longval;
	u_long ulongval;
} modspecific_t;

struct mod_depend {
	int md_ver_minimum;
	int md_ver_preferred;
	int md_ver_maximum;
};

struct mod_version {
	int mv_version;
};

struct mod_metadata {
	int md_version;		/* structure version MDTV_* */
	int md_type;		/* type of entry MDT_* */
	const void *md_data;	/* specific data */
	const char *md_cval;	/* common string label */
};

struct mod_pnp_match_info {
	const char *descr;	/* description of the table */
	const char *bus;	/* name of the bus for this table */
	const void *table;	/* pointer to pnp table */
	int entry_len;		/* length of each entry in the table */
	int num_entry;		/* number of entries in the table */
};

#ifdef _KERNEL

#include <sys/linker_set.h>
#include <sys/kernel.h>

#define MODULE_METADATA_CONCAT(uniquifier) _mod_metadata##uniquifier
#define MODULE_METADATA(uniquifier, type, data, cval) \
	static struct mod_metadata MODULE_METADATA_CONCAT(uniquifier) = { \
		MDT_STRUCT_VERSION, \
		type, \
		data, \
		cval \
	}; \
	DATA_SET(modmetadata_set, MODULE_METADATA_CONCAT(uniquifier))

/* The linker loads mdepend first, and refuses versions outside [vmin, vmax]. */
#define MODULE_DEPEND(module, mdepend, vmin, vpref, vmax) \
	static struct mod_depend _##module##_depend_on_##mdepend \
	    __section(".data") = { \
		vmin, \
		vpref, \
		vmax \
	}; \
	MODULE_METADATA(_md_##module##_on_##mdepend, MDT_DEPEND, \
	    &_##module##_depend_on_##mdepend, #mdepend)

/* Every module depends on "kernel", up to the end of its major branch. */
#define MODULE_KERNEL_MAXVER (roundup(__FreeBSD_version, 100000) - 1)

#define DECLARE_MODULE_WITH_MAXVER(name, data, sub, order, maxver) \
	MODULE_DEPEND(name, kernel, __FreeBSD_version, \
	    __FreeBSD_version, maxver); \
	MODULE_METADATA(_md_##name, MDT_MODULE, &data, __XSTRING(name)); \
	SYSINIT(name##module, sub, order, module_register_init, &data); \
	struct __hack

#ifdef KLD_TIED
#define DECLARE_MODULE(name, data, sub, order) \
	DECLARE_MODULE_WITH_MAXVER(name, data, sub, order, __FreeBSD_version)
#else
#define DECLARE_MODULE(name, data, sub, order) \
	DECLARE_MODULE_WITH_MAXVER(name, data, sub, order, MODULE_KERNEL_MAXVER)
#endif

/* Loadable only into a kernel of exactly this __FreeBSD_version. */
#define DECLARE_MODULE_TIED(name, data, sub, order) \
	DECLARE_MODULE_WITH_MAXVER(name, data, sub, order, __FreeBSD_version)

#define MODULE_VERSION_CONCAT(module, version) _##module##_version
#define MODULE_VERSION(module, version) \
	static struct mod_version MODULE_VERSION_CONCAT(module, version) \
	    __section(".data") = { \
		version \
	}; \
	MODULE_METADATA(MODULE_VERSION_CONCAT(module, version), MDT_VERSION, \
	    &MODULE_VERSION_CONCAT(module, version), __XSTRING(module))

#define MODULE_PNP_INFO(d, b, unique, t, n) \
	static const struct mod_pnp_match_info _module_pnp_##b##_##unique = { \
		.descr = d, \
		.bus = #b, \
		.table = t, \
		.entry_len = sizeof((t)[0]), \
		.num_entry = n \
	}; \
	MODULE_METADATA(_md_##b##_pnpinfo_##unique, MDT_PNP_INFO, \
	    &_module_pnp_##b##_##unique, #b);

/* Held by the module code around event handler calls. */
extern struct sx modules_sx;

#define MOD_XLOCK sx_xlock(&modules_sx)
#define MOD_SLOCK sx_slock(&modules_sx)
#define MOD_XUNLOCK sx_xunlock(&modules_sx)
#define MOD_SUNLOCK sx_sunlock(&modules_sx)

struct linker_file;

void module_register_init(const void *);
int module_register(const struct moduledata *, struct linker_file *);
module_t module_lookupbyname(const char *);
module_t module_lookupbyid(int);
int module_quiesce(module_t);
void module_reference(module_t);
void module_release(module_t);
int module_unload(module_t);
int module_getid(module_t);
module_t module_getfnext(module_t);
const char *module_getname(module_t);
void module_setspecific(module_t, modspecific_t *);
struct linker_file *module_file(module_t);

#endif /* _KERNEL */

#define MAXMODNAMEV1V2 32
#define MAXMODNAMEV3 MAXPATHLEN
#define MAXMODNAME MAXMODNAMEV3

struct module_stat {
	int version;		/* set to sizeof(struct module_stat) */
	char name[MAXMODNAME];
	int refs;
	int id;
	modspecific_t data;
};

#endif /* _MOCKFBSD_SYS_MODULE_H */
