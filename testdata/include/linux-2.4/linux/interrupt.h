/* modlife test mock of the Linux 2.4 <linux/interrupt.h>: bottom halves, tasklets. */
#ifndef _MOCK24_LINUX_INTERRUPT_H
#define _MOCK24_LINUX_INTERRUPT_H

#include <linux/config.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/atomic.h>
#include <asm/bitops.h>
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <asm/system.h>

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	void (*func)(unsigned long);
	unsigned long data;
};

#define DECLARE_TASKLET(name, func, data) \
	struct tasklet_struct name = { NULL, 0, ATOMIC_INIT(0), func, data }
#define DECLARE_TASKLET_DISABLED(name, func, data) \
	struct tasklet_struct name = { NULL, 0, ATOMIC_INIT(1), func, data }

extern void tasklet_init(struct tasklet_struct *t,
			 void (*func)(unsigned long), unsigned long data);
extern void tasklet_kill(struct tasklet_struct *t);
extern void __tasklet_schedule(struct tasklet_struct *t);

#define TASKLET_STATE_SCHED 0

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

enum {
	TIMER_BH = 0,
	TQUEUE_BH,
	DIGI_BH,
	SERIAL_BH,
	RISCOM8_BH,
	SPECIALIX_BH,
	AURORA_BH,
	ESP_BH,
	SCSI_BH,
	IMMEDIATE_BH,
	CYCLADES_BH,
	CM206_BH,
	JS_BH,
	MACSERIAL_BH,
	ISICOM_BH
};

extern void mark_bh(int nr);
extern void init_bh(int nr, void (*routine)(void));
extern void remove_bh(int nr);

extern int in_interrupt(void);
#define in_irq() in_interrupt()

#endif /* _MOCK24_LINUX_INTERRUPT_H */
