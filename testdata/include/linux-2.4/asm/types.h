/* modlife test mock of the Linux 2.4 <asm/types.h> (i386 widths). */
#ifndef _MOCK24_ASM_TYPES_H
#define _MOCK24_ASM_TYPES_H

typedef unsigned short umode_t;

typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

#define BITS_PER_LONG (8 * (int)sizeof(long))

typedef u32 dma_addr_t;

#endif /* _MOCK24_ASM_TYPES_H */
