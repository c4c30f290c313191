/* modlife test mock of the Linux 2.4 <asm/current.h>. */
#ifndef _MOCK24_ASM_CURRENT_H
#define _MOCK24_ASM_CURRENT_H

struct task_struct;

extern struct task_struct *get_current(void);
#define current get_current()

#endif /* _MOCK24_ASM_CURRENT_H */
