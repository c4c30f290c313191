/* modlife test mock of the Linux 6.1 <linux/umh.h>: running user-mode helpers. */
#ifndef _MOCK6_LINUX_UMH_H
#define _MOCK6_LINUX_UMH_H

#include <linux/gfp.h>

#define UMH_NO_WAIT 0
#define UMH_WAIT_EXEC 1
#define UMH_WAIT_PROC 2
#define UMH_KILLABLE 4

/* Sleeps unless wait is UMH_NO_WAIT. */
extern int call_usermodehelper(const char *path, char **argv, char **envp, int wait);

#endif /* _MOCK6_LINUX_UMH_H */
