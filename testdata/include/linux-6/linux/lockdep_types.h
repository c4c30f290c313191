/* modlife test mock of the Linux 6.1 <linux/lockdep_types.h>: lock classes without lockdep. */
#ifndef _MOCK6_LINUX_LOCKDEP_TYPES_H
#define _MOCK6_LINUX_LOCKDEP_TYPES_H

/* Initialiser macros declare one of these per call site. */
struct lock_class_key {
	char __unused_key;
};

#endif /* _MOCK6_LINUX_LOCKDEP_TYPES_H */
