/* modlife test mock of the Linux 2.4 <linux/types.h>. */
#ifndef _MOCK24_LINUX_TYPES_H
#define _MOCK24_LINUX_TYPES_H

#include <linux/compiler.h>

#include <asm/types.h>

/* The compiler's own size_t, so that builtins such as memset match. */
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ssize_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;

typedef long off_t;
typedef long long loff_t;
typedef unsigned long ino_t;
typedef unsigned short mode_t;
typedef unsigned short nlink_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long time_t;
typedef long clock_t;
typedef char *caddr_t;

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;

typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;

#endif /* _MOCK24_LINUX_TYPES_H */
