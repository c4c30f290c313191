/* modlife test mock of the Linux 6.1 <asm/current.h>: the running task. */
#ifndef _MOCK6_ASM_CURRENT_H
#define _MOCK6_ASM_CURRENT_H

struct task_struct;

/* A per-CPU read in the real kernel; an opaque call here. */
extern struct task_struct *get_current(void);
#define current get_current()

#endif /* _MOCK6_ASM_CURRENT_H */
