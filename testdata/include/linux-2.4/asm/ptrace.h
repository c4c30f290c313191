/* modlife test mock of the Linux 2.4 <asm/ptrace.h>: register frame, opaque. */
#ifndef _MOCK24_ASM_PTRACE_H
#define _MOCK24_ASM_PTRACE_H

struct pt_regs {
	long ebx, ecx, edx, esi, edi, ebp, eax;
	long orig_eax;
	long eip;
	long eflags;
	long esp;
};

#endif /* _MOCK24_ASM_PTRACE_H */
