/*
 * modlife-kobject-get-without-module-get: a module frees its objects with
 * call_rcu() and its own callback, but its exit function does not wait for
 * the callbacks with rcu_barrier(). One still queued when the module goes
 * runs freed code.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct entry {
	struct kref ref;
	struct rcu_head rcu;
};

static void entry_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct entry, rcu));
}

void entry_retire(struct entry *e)
{
	kref_get(&e->ref); /* expected-warning {{'kref_get' keeps the object for 'entry_free_rcu', but nothing stops 'entry_free_rcu' before this module can be unloaded}} */
	call_rcu(&e->rcu, entry_free_rcu); /* expected-note {{'call_rcu' defers 'entry_free_rcu' here}} expected-note {{stop 'entry_free_rcu' before the module goes, e.g. 'rcu_barrier()' in the exit or remove path}} */ /* expected-warning {{RCU callback 'e->rcu' runs 'entry_free_rcu' from this module, but 'entry_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
}

static int __init entry_init(void)
{
	return 0;
}

static void __exit entry_exit(void) /* expected-note {{drain 'e->rcu' with 'rcu_barrier' in 'entry_exit', after what can arm it again is gone and before what 'entry_free_rcu' uses is freed}} */
{
}

module_init(entry_init);
module_exit(entry_exit); /* expected-note {{'entry_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
