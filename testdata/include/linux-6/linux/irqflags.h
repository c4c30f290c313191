/* modlife test mock of the Linux 6.1 <linux/irqflags.h>: local interrupt masking. */
#ifndef _MOCK6_LINUX_IRQFLAGS_H
#define _MOCK6_LINUX_IRQFLAGS_H

extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
extern void arch_local_irq_disable(void);
extern void arch_local_irq_enable(void);

#define local_irq_save(flags) do { flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) do { arch_local_irq_restore(flags); } while (0)
#define local_irq_disable() do { arch_local_irq_disable(); } while (0)
#define local_irq_enable() do { arch_local_irq_enable(); } while (0)

#endif /* _MOCK6_LINUX_IRQFLAGS_H */
