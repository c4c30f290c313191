/*
 * Work queued on the module's own workqueue, which module_exit destroys
 * (destroy_workqueue() drains it) before it frees the state: nothing to
 * report. The same file's system-queue work is another matter: nothing
 * cancels it, and destroying the private queue does not stop it.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/slab.h>

static char *ring;
static struct workqueue_struct *ring_wq;
static struct work_struct ring_work;
static struct work_struct ring_stats;

static void ring_fn(struct work_struct *work)
{
	ring[0]++;
}

static void ring_stats_fn(struct work_struct *work)
{
	ring[1]++;
}

static int __init ring_init(void)
{
	ring = kzalloc(64, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;
	ring_wq = alloc_workqueue("ring", 0, 0);
	INIT_WORK(&ring_work, ring_fn);
	INIT_WORK(&ring_stats, ring_stats_fn);
	queue_work(ring_wq, &ring_work);
	schedule_work(&ring_stats); /* expected-warning {{work item 'ring_stats' runs 'ring_stats_fn' from this module, but 'ring_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
	return 0;
}

static void __exit ring_exit(void)
{
	destroy_workqueue(ring_wq);
	kfree(ring); /* expected-note {{'ring_exit' returns without draining 'ring_stats'}} */
}

module_init(ring_init);
module_exit(ring_exit); /* expected-note {{'ring_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
