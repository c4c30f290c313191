/*
 * Known limit (a false positive, from drivers/char/hw_random/core.c in
 * Linux 6.1): the work item is waited for with a completion that its
 * handler completes last (unregister() waits for cleanup_done), not with a
 * deferral stop. The check does not know that handshake and reports the
 * item. Kept as a test so that a fix shows up here.
 * modlife-mock: linux-6
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/completion.h>

struct source {
	struct work_struct cleanup_work;
	struct completion cleanup_done;
	int live;
};

static void cleanup_source_work(struct work_struct *work)
{
	struct source *s = container_of(work, struct source, cleanup_work);

	s->live = 0;
	complete(&s->cleanup_done);
}

void source_drop(struct source *s);
void source_unregister(struct source *s);

void source_drop(struct source *s)
{
	INIT_WORK(&s->cleanup_work, cleanup_source_work);
	schedule_work(&s->cleanup_work); /* expected-warning {{work item 's->cleanup_work' runs 'cleanup_source_work' from this module, but 'source_exit' does not drain it; it can run after the teardown frees its state or the module is unloaded}} */
}

void source_unregister(struct source *s)
{
	wait_for_completion(&s->cleanup_done);
}

static int __init source_init(void)
{
	return 0;
}

static void __exit source_exit(void) /* expected-note {{drain 's->cleanup_work' with 'cancel_work_sync' in 'source_exit', after what can arm it again is gone and before what 'cleanup_source_work' uses is freed}} */
{
}

module_init(source_init);
module_exit(source_exit); /* expected-note {{'source_exit' runs at unload (module_exit)}} */
MODULE_LICENSE("GPL");
