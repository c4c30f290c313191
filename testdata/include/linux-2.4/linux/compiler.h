/* modlife test mock of the Linux 2.4 <linux/compiler.h>: branch hints. */
#ifndef _MOCK24_LINUX_COMPILER_H
#define _MOCK24_LINUX_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/*
 * Mock only: 2.4 code initializes its ops tables with the GNU "field: value"
 * syntax, which the compilers of the day took silently and clang warns about
 * by default. Silence that for the rest of the translation unit so that
 * -verify tests see only the analyzer's diagnostics.
 */
#ifdef __clang__
#pragma clang diagnostic ignored "-Wgnu-designator"
#endif

#endif /* _MOCK24_LINUX_COMPILER_H */
