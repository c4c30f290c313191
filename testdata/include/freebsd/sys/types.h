/* modlife test mock of the FreeBSD <sys/types.h>: the kernel's basic types (amd64 sizes). */
#ifndef _MOCKFBSD_SYS_TYPES_H
#define _MOCKFBSD_SYS_TYPES_H

#include <sys/cdefs.h>
#include <sys/_null.h>

typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long int64_t;
typedef unsigned long uint64_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
typedef unsigned long __uintptr_t;
typedef long intmax_t;
typedef unsigned long uintmax_t;

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef uint8_t u_int8_t;
typedef uint16_t u_int16_t;
typedef uint32_t u_int32_t;
typedef uint64_t u_int64_t;

typedef unsigned long size_t;
typedef long ssize_t;
typedef int64_t off_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint16_t mode_t;
typedef uint64_t dev_t;
typedef int32_t pid_t;
typedef int32_t lwpid_t;
typedef char *caddr_t;
typedef const char *c_caddr_t;
typedef int64_t sbintime_t;
typedef int64_t time_t;

typedef uint64_t vm_offset_t;
typedef uint64_t vm_paddr_t;
typedef int64_t vm_ooffset_t;
typedef uint64_t vm_size_t;
typedef char vm_memattr_t;

/* Resource ranges in <sys/rman.h>. */
typedef uintmax_t rman_res_t;

#ifdef _KERNEL
/* The kernel has its own bool; userland gets <stdbool.h>. */
typedef _Bool bool;
#define false 0
#define true 1
#endif

#endif /* _MOCKFBSD_SYS_TYPES_H */
