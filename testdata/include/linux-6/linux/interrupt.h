/* modlife test mock of the Linux 6.1 <linux/interrupt.h>: IRQ handlers and tasklets. */
#ifndef _MOCK6_LINUX_INTERRUPT_H
#define _MOCK6_LINUX_INTERRUPT_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/irqreturn.h>
#include <linux/irqflags.h>
#include <linux/container_of.h>

struct device;

#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_SHARED 0x00000080
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000

/* Handlers run in hard interrupt context and must not sleep. */
typedef irqreturn_t (*irq_handler_t)(int, void *);

/* Allocates its irqaction with GFP_KERNEL: may sleep. */
extern int __must_check
request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
		     unsigned long flags, const char *name, void *dev);

static inline int __must_check
request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
	    const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}

/* Waits for running handlers: may sleep. */
extern const void *free_irq(unsigned int irq, void *dev_id);

extern int __must_check
devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			  irq_handler_t thread_fn, unsigned long irqflags,
			  const char *devname, void *dev_id);

static inline int __must_check
devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
		 unsigned long irqflags, const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
}

extern void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

extern void disable_irq_nosync(unsigned int irq);
extern void disable_irq(unsigned int irq);
extern void enable_irq(unsigned int irq);
extern void synchronize_irq(unsigned int irq);

/* Tasklets run in softirq context and must not sleep. */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback) \
struct tasklet_struct name = { \
	.count = ATOMIC_INIT(0), \
	.callback = _callback, \
	.use_callback = true, \
}

#define DECLARE_TASKLET_DISABLED(name, _callback) \
struct tasklet_struct name = { \
	.count = ATOMIC_INIT(1), \
	.callback = _callback, \
	.use_callback = true, \
}

/* The pre-5.9 form, with a function taking unsigned long. */
#define DECLARE_TASKLET_OLD(name, _func) \
struct tasklet_struct name = { \
	.count = ATOMIC_INIT(0), \
	.func = _func, \
}

#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)

enum {
	TASKLET_STATE_SCHED,	/* Scheduled for execution. */
	TASKLET_STATE_RUN	/* Running (SMP only). */
};

extern void __tasklet_schedule(struct tasklet_struct *t);
extern void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

extern void tasklet_disable(struct tasklet_struct *t);
extern void tasklet_enable(struct tasklet_struct *t);
/* Waits until the tasklet is neither scheduled nor running: may sleep. */
extern void tasklet_kill(struct tasklet_struct *t);
extern void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
			 unsigned long data);
extern void tasklet_setup(struct tasklet_struct *t,
			  void (*callback)(struct tasklet_struct *));

#endif /* _MOCK6_LINUX_INTERRUPT_H */
