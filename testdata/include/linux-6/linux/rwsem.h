/* modlife test mock of the Linux 6.1 <linux/rwsem.h>: reader-writer semaphores. */
#ifndef _MOCK6_LINUX_RWSEM_H
#define _MOCK6_LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/lockdep_types.h>
#include <linux/atomic.h>

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __RWSEM_INITIALIZER(name) { \
	.count = ATOMIC_LONG_INIT(0), \
	.owner = ATOMIC_LONG_INIT(0), \
	.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(name.wait_lock), \
	.wait_list = LIST_HEAD_INIT((name).wait_list) }

#define DECLARE_RWSEM(name) \
	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

extern void __init_rwsem(struct rw_semaphore *sem, const char *name,
			 struct lock_class_key *key);

#define init_rwsem(sem) \
do { \
	static struct lock_class_key __key; \
	__init_rwsem((sem), #sem, &__key); \
} while (0)

extern void down_read(struct rw_semaphore *sem);
extern int __must_check down_read_killable(struct rw_semaphore *sem);
extern int down_read_trylock(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern int __must_check down_write_killable(struct rw_semaphore *sem);
extern int down_write_trylock(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);

#endif /* _MOCK6_LINUX_RWSEM_H */
