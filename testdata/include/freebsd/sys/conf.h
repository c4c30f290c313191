/*
 * modlife test mock of the FreeBSD <sys/conf.h>: character devices.
 * make_dev*() publish a struct cdev in devfs; from then on any thread can
 * enter the cdevsw methods, so the module's text is in use until
 * destroy_dev() has returned. destroy_dev() waits for threads inside the
 * methods, so calling it from one of the device's own methods deadlocks;
 * destroy_dev_sched() defers it to a taskqueue, and destroy_dev_drain()
 * waits for those deferred destructions.
 */
#ifndef _MOCKFBSD_SYS_CONF_H
#define _MOCKFBSD_SYS_CONF_H

#include <sys/param.h>
#include <sys/queue.h>
#include <sys/time.h>
#include <sys/eventhandler.h>

struct bio;
struct buf;
struct cdevsw;
struct file;
struct knote;
struct mount;
struct snapdata;
struct thread;
struct ucred;
struct uio;
struct vnode;
struct vm_object;

struct cdev {
	void *si_spare0;
	u_int si_flags;
#define SI_ETERNAL 0x0001	/* never destroyed */
#define SI_ALIAS 0x0002		/* carrier of alias name */
#define SI_NAMED 0x0004		/* make_dev{_alias} has been called */
#define SI_CHILD 0x0010		/* child of another struct cdev */
#define SI_DUMPDEV 0x0080	/* is kernel dumpdev */
#define SI_CLONELIST 0x0200	/* on a clone list */
#define SI_UNMAPPED 0x0400	/* can handle unmapped I/O */
#define SI_NOSPLIT 0x0800	/* I/O should not be split up */
	struct timespec si_atime;
	struct timespec si_ctime;
	struct timespec si_mtime;
	uid_t si_uid;
	gid_t si_gid;
	mode_t si_mode;
	struct ucred *si_cred;	/* cached clone-time credential */
	int si_drv0;
	int si_refcount;
	LIST_ENTRY(cdev) si_list;
	LIST_ENTRY(cdev) si_clone;
	LIST_HEAD(, cdev) si_children;
	LIST_ENTRY(cdev) si_siblings;
	struct cdev *si_parent;
	struct mount *si_mountpt;
	void *si_drv1, *si_drv2;
	struct cdevsw *si_devsw;
	int si_iosize_max;	/* maximum I/O size (for physio &al) */
	u_long si_usecount;
	u_long si_threadcount;	/* threads inside the cdevsw methods */
	union {
		struct snapdata *__sid_snapdata;
	} __si_u;
	char si_name[SPECNAMELEN + 1];
};

#define si_snapdata __si_u.__sid_snapdata

/* The methods; each gets the cdev it was opened through. */
typedef int d_open_t(struct cdev *dev, int oflags, int devtype, struct thread *td);
typedef int d_fdopen_t(struct cdev *dev, int oflags, struct thread *td, struct file *fp);
typedef int d_close_t(struct cdev *dev, int fflag, int devtype, struct thread *td);
typedef void d_strategy_t(struct bio *bp);
typedef int d_ioctl_t(struct cdev *dev, u_long cmd, caddr_t data,
    int fflag, struct thread *td);
typedef int d_read_t(struct cdev *dev, struct uio *uio, int ioflag);
typedef int d_write_t(struct cdev *dev, struct uio *uio, int ioflag);
typedef int d_poll_t(struct cdev *dev, int events, struct thread *td);
typedef int d_kqfilter_t(struct cdev *dev, struct knote *kn);
typedef int d_mmap_t(struct cdev *dev, vm_ooffset_t offset, vm_paddr_t *paddr,
    int nprot, vm_memattr_t *memattr);
typedef int d_mmap_single_t(struct cdev *cdev, vm_ooffset_t *offset,
    vm_size_t size, struct vm_object **object, int nprot);
typedef void d_purge_t(struct cdev *dev);

typedef int dumper_t(void *_priv, void *_virtual, off_t _offset, size_t _length);

/* Types for d_flags. */
#define D_TAPE 0x0001
#define D_DISK 0x0002
#define D_TTY 0x0004
#define D_MEM 0x0008
#define D_TYPEMASK 0xffff

/* Flags for d_flags which the drivers can set. */
#define D_TRACKCLOSE 0x00080000	/* track all closes */
#define D_MMAP_ANON 0x00100000	/* special treatment in vm_mmap.c */
#define D_NEEDGIANT 0x00400000	/* driver wants Giant */
#define D_NEEDMINOR 0x00800000	/* driver uses clone_create() */

/* Version numbers. */
#define D_VERSION_00 0x20011966
#define D_VERSION_01 0x17032005	/* add d_uid, gid, mode & kind */
#define D_VERSION_02 0x28042009	/* add d_mmap_single */
#define D_VERSION_03 0x17122009	/* d_mmap takes memattr, vm_ooffset_t */
#define D_VERSION_04 0x5c48c353	/* SPECNAMELEN bumped to MAXNAMLEN */
#define D_VERSION D_VERSION_04

/* Character device switch table. */
struct cdevsw {
	int d_version;
	u_int d_flags;
	const char *d_name;
	d_open_t *d_open;
	d_fdopen_t *d_fdopen;
	d_close_t *d_close;
	d_read_t *d_read;
	d_write_t *d_write;
	d_ioctl_t *d_ioctl;
	d_poll_t *d_poll;
	d_mmap_t *d_mmap;
	d_strategy_t *d_strategy;
	dumper_t *d_dump;
	d_kqfilter_t *d_kqfilter;
	d_purge_t *d_purge;
	d_mmap_single_t *d_mmap_single;

	int32_t d_spare0[3];
	void *d_spare1[3];

	/* These fields should not be messed with by drivers. */
	LIST_HEAD(, cdev) d_devs;
	int d_spare2;
	union {
		struct cdevsw *gianttrick;
		SLIST_ENTRY(cdevsw) postfree_list;
	} __d_giant;
};
#define d_gianttrick __d_giant.gianttrick
#define d_postfree_list __d_giant.postfree_list

#ifdef _KERNEL

/* A cdevsw's own module: loaded with DEV_MODULE, unloaded by kldunload. */
#define DEV_MODULE_ORDERED(name, evh, arg, ord) \
static moduledata_t name##_mod = { \
	#name, \
	evh, \
	arg \
}; \
DECLARE_MODULE(name, name##_mod, SI_SUB_DRIVERS, ord)

#define DEV_MODULE(name, evh, arg) \
	DEV_MODULE_ORDERED(name, evh, arg, SI_ORDER_MIDDLE)

/* Flags of make_dev_credf(), make_dev_p() and make_dev_s(). */
#define MAKEDEV_REF 0x01
#define MAKEDEV_WHTOUT 0x02
#define MAKEDEV_NOWAIT 0x04
#define MAKEDEV_WAITOK 0x08
#define MAKEDEV_ETERNAL 0x10
#define MAKEDEV_CHECKNAME 0x20
#define MAKEDEV_ETERNAL_KLD 0

struct make_dev_args {
	size_t mda_size;
	int mda_flags;
	struct cdevsw *mda_devsw;
	struct ucred *mda_cr;
	uid_t mda_uid;
	gid_t mda_gid;
	int mda_mode;
	int mda_unit;
	void *mda_si_drv1;
	void *mda_si_drv2;
};

void make_dev_args_init_impl(struct make_dev_args *_args, size_t _sz);
#define make_dev_args_init(a) \
	make_dev_args_init_impl((a), sizeof(struct make_dev_args))

int make_dev_s(struct make_dev_args *_args, struct cdev **_cdev,
    const char *_fmt, ...) __printflike(3, 4);
struct cdev *make_dev(struct cdevsw *_devsw, int _unit, uid_t _uid, gid_t _gid,
    int _perms, const char *_fmt, ...) __printflike(6, 7);
struct cdev *make_dev_cred(struct cdevsw *_devsw, int _unit,
    struct ucred *_cr, uid_t _uid, gid_t _gid, int _perms,
    const char *_fmt, ...) __printflike(7, 8);
struct cdev *make_dev_credf(int _flags, struct cdevsw *_devsw, int _unit,
    struct ucred *_cr, uid_t _uid, gid_t _gid, int _mode,
    const char *_fmt, ...) __printflike(8, 9);
int make_dev_p(int _flags, struct cdev **_cdev, struct cdevsw *_devsw,
    struct ucred *_cr, uid_t _uid, gid_t _gid, int _mode,
    const char *_fmt, ...) __printflike(8, 9);
struct cdev *make_dev_alias(struct cdev *_pdev, const char *_fmt, ...)
    __printflike(2, 3);

/* Waits for every thread to leave the cdevsw methods; may sleep. */
void destroy_dev(struct cdev *_dev);
/* Queues the destruction to a taskqueue; safe from the device's own methods. */
int destroy_dev_sched(struct cdev *dev);
int destroy_dev_sched_cb(struct cdev *dev, void (*cb)(void *), void *arg);
/* Waits for the scheduled destructions of csw's devices. */
void destroy_dev_drain(struct cdevsw *csw);
void drain_dev_clone_events(void);

/* References on the struct cdev memory, not on the module. */
void dev_ref(struct cdev *dev);
void dev_refl(struct cdev *dev);
void dev_rel(struct cdev *dev);
/* Enters the methods: a non-NULL cdevsw counts the thread in si_threadcount. */
struct cdevsw *dev_refthread(struct cdev *_dev, int *_ref);
struct cdevsw *devvn_refthread(struct vnode *vp, struct cdev **devp, int *_ref);
void dev_relthread(struct cdev *_dev, int _ref);
void dev_depends(struct cdev *_pdev, struct cdev *_cdev);
void dev_lock(void);
void dev_unlock(void);

const char *devtoname(struct cdev *cdev);
#define dev2unit(d) ((d)->si_drv0)

/* Per-open private data, freed by dtr when the file is closed. */
typedef void d_priv_dtor_t(void *data);
int devfs_get_cdevpriv(void **datap);
int devfs_set_cdevpriv(void *priv, d_priv_dtor_t *dtr);
void devfs_clear_cdevpriv(void);

/* devfs asks every dev_clone handler for a name nobody has made yet. */
typedef void (*dev_clone_fn)(void *arg, struct ucred *cred, char *name,
    int namelen, struct cdev **result);
EVENTHANDLER_DECLARE(dev_clone, dev_clone_fn);

#define UID_ROOT 0
#define UID_BIN 3
#define UID_UUCP 66
#define UID_NOBODY 65534

#define GID_WHEEL 0
#define GID_KMEM 2
#define GID_TTY 4
#define GID_OPERATOR 5
#define GID_BIN 7
#define GID_GAMES 13
#define GID_VIDEO 44
#define GID_DIALER 68
#define GID_NOGROUP 65533
#define GID_NOBODY 65534

#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_CONF_H */
