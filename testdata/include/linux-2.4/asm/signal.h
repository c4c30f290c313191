/* modlife test mock of the Linux 2.4 <asm/signal.h>: signal numbers and SA_ flags. */
#ifndef _MOCK24_ASM_SIGNAL_H
#define _MOCK24_ASM_SIGNAL_H

#define SIGHUP 1
#define SIGINT 2
#define SIGKILL 9
#define SIGTERM 15
#define SIGCHLD 17

typedef struct {
	unsigned long sig[2];
} sigset_t;

/* request_irq flags. */
#define SA_INTERRUPT 0x20000000
#define SA_SHIRQ 0x04000000
#define SA_SAMPLE_RANDOM 0x10000000

#endif /* _MOCK24_ASM_SIGNAL_H */
