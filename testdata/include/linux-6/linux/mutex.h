/* modlife test mock of the Linux 6.1 <linux/mutex.h>: sleeping locks. */
#ifndef _MOCK6_LINUX_MUTEX_H
#define _MOCK6_LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/lockdep_types.h>
#include <linux/atomic.h>

struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(lockname) { \
	.owner = ATOMIC_LONG_INIT(0), \
	.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock), \
	.wait_list = LIST_HEAD_INIT(lockname.wait_list) }

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

extern void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);

#define mutex_init(mutex) \
do { \
	static struct lock_class_key __key; \
	__mutex_init((mutex), #mutex, &__key); \
} while (0)

static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

extern bool mutex_is_locked(struct mutex *lock);

/* Without lockdep: the plain functions, and the _nested forms as macros over them. */
extern void mutex_lock(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);
extern void mutex_lock_io(struct mutex *lock);

#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, subclass) mutex_lock_killable(lock)

/* Never sleeps. */
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);

#endif /* _MOCK6_LINUX_MUTEX_H */
