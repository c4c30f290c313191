/* modlife test mock of the Linux 2.4 <asm/system.h>: interrupt flag handling. */
#ifndef _MOCK24_ASM_SYSTEM_H
#define _MOCK24_ASM_SYSTEM_H

extern void __cli(void);
extern void __sti(void);
extern unsigned long __read_eflags(void);
extern void __write_eflags(unsigned long flags);

#define __save_flags(x) ((x) = __read_eflags())
#define __restore_flags(x) __write_eflags(x)

#define cli() __cli()
#define sti() __sti()
#define save_flags(x) __save_flags(x)
#define restore_flags(x) __restore_flags(x)

#define local_irq_save(x) do { __save_flags(x); __cli(); } while (0)
#define local_irq_restore(x) __restore_flags(x)
#define local_irq_disable() __cli()
#define local_irq_enable() __sti()

#define mb() __asm__ __volatile__("" : : : "memory")
#define rmb() mb()
#define wmb() mb()
#define barrier() __asm__ __volatile__("" : : : "memory")

#endif /* _MOCK24_ASM_SYSTEM_H */
