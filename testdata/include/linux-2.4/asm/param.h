/* modlife test mock of the Linux 2.4 <asm/param.h>. */
#ifndef _MOCK24_ASM_PARAM_H
#define _MOCK24_ASM_PARAM_H

#define HZ 100

#endif /* _MOCK24_ASM_PARAM_H */
