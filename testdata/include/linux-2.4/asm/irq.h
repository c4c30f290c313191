/* modlife test mock of the Linux 2.4 <asm/irq.h>. */
#ifndef _MOCK24_ASM_IRQ_H
#define _MOCK24_ASM_IRQ_H

#define NR_IRQS 224

extern void disable_irq(unsigned int irq);
extern void disable_irq_nosync(unsigned int irq);
extern void enable_irq(unsigned int irq);

#endif /* _MOCK24_ASM_IRQ_H */
