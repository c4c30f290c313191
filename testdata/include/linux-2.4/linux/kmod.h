/* modlife test mock of the Linux 2.4 <linux/kmod.h>: request_module waits for modprobe. */
#ifndef _MOCK24_LINUX_KMOD_H
#define _MOCK24_LINUX_KMOD_H

extern int request_module(const char *name);
extern int exec_usermodehelper(char *program_path, char *argv[], char *envp[]);
extern int call_usermodehelper(char *path, char *argv[], char *envp[]);

#endif /* _MOCK24_LINUX_KMOD_H */
