/*
 * modlife test mock of the FreeBSD <sys/linker.h>: the kernel linker.
 * A linker file is a loaded .ko; its sysinits (and so its modules'
 * MOD_LOAD handlers) run while it is being loaded. Loading another file
 * from there waits for the linker that is busy loading this one.
 */
#ifndef _MOCKFBSD_SYS_LINKER_H
#define _MOCKFBSD_SYS_LINKER_H

#ifdef _KERNEL

#include <sys/param.h>
#include <sys/queue.h>
#include <sys/kobj.h>

struct mod_depend;
struct module;

typedef struct linker_file *linker_file_t;

struct linker_file {
	KOBJ_FIELDS;
	int refs;			/* reference count */
	int userrefs;			/* kldload(2) count */
	int flags;
#define LINKER_FILE_LINKED 0x1		/* file has been fully linked */
#define LINKER_FILE_MODULES 0x2		/* file has >0 modules at preload */
	TAILQ_ENTRY(linker_file) link;	/* list of all loaded files */
	char *filename;			/* file which was loaded */
	char *pathname;			/* file name with full path */
	int id;				/* unique id */
	caddr_t address;		/* load address */
	size_t size;			/* size of file */
	int ndeps;			/* number of dependencies */
	linker_file_t *deps;		/* list of dependencies */
	TAILQ_HEAD(, module) modules;	/* modules in this file */
	TAILQ_ENTRY(linker_file) loaded; /* preload dependency support */
	int loadcnt;			/* load counter value */
};

/* Flags of linker_file_unload() and kern_kldunload(). */
#define LINKER_UNLOAD_NORMAL 0
#define LINKER_UNLOAD_FORCE 1

/* Flags of linker_kldload_busy()/linker_kldload_unbusy(). */
#define LINKER_UB_UNLOCK 0x0001		/* unlock kld_sx on return */
#define LINKER_UB_LOCKED 0x0002		/* kld_sx already locked */

extern linker_file_t linker_kernel_file;

/*
 * Finds the file holding modname, loading it if needed, and takes a
 * reference on it; linker_release_module() drops that reference and
 * unloads the file when it was the last.
 */
int linker_reference_module(const char *_modname, struct mod_depend *_verinfo,
    linker_file_t *_result);
int linker_release_module(const char *_modname, struct mod_depend *_verinfo,
    linker_file_t _file);

/*
 * Finds and loads the file holding modname (or the file kldname) with
 * kld_sx held. In current trees this is kern_linker.c's own; it is
 * declared here for kernel code and for trees where it was public.
 */
int linker_load_module(const char *_kldname, const char *_modname,
    struct linker_file *_parent, const struct mod_depend *_verinfo,
    struct linker_file **_lfpp);

int linker_file_unload(linker_file_t _file, int _flags);
linker_file_t linker_find_file_by_name(const char *_filename);
linker_file_t linker_find_file_by_id(int _fileid);
caddr_t linker_file_lookup_symbol(linker_file_t _file, const char *_name,
    int _deps);
int linker_file_lookup_set(linker_file_t _file, const char *_name,
    void *_start, void *_stop, int *_count);
int linker_file_function_listall(linker_file_t,
    int (*)(linker_file_t, int, void *), void *);
int linker_search_symbol_name(caddr_t value, char *buf, u_int buflen,
    long *offset);

/* Serialize kldload(2) and kldunload(2) against each other. */
void linker_kldload_busy(int flags);
void linker_kldload_unbusy(int flags);

#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_LINKER_H */
