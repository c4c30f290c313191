/* modlife test mock of the Linux 6.1 <linux/kthread.h>: kernel threads. */
#ifndef _MOCK6_LINUX_KTHREAD_H
#define _MOCK6_LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>
#include <linux/numa.h>

struct completion;

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);

/* Creates the thread and wakes it; yields the task or an ERR_PTR. */
#define kthread_run(threadfn, data, namefmt, ...) \
({ \
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k)) \
		wake_up_process(__k); \
	__k; \
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
/* Waits for the thread to exit. */
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);

void __noreturn kthread_exit(long result);
void __noreturn kthread_complete_and_exit(struct completion *comp, long code);

#endif /* _MOCK6_LINUX_KTHREAD_H */
