/* modlife test mock of the Linux 2.4 <linux/string.h>. */
#ifndef _MOCK24_LINUX_STRING_H
#define _MOCK24_LINUX_STRING_H

#include <linux/types.h>
#include <linux/stddef.h>

extern void *memset(void *s, int c, size_t n);
extern void *memcpy(void *dest, const void *src, size_t n);
extern void *memmove(void *dest, const void *src, size_t n);
extern int memcmp(const void *a, const void *b, size_t n);
extern size_t strlen(const char *s);
extern char *strcpy(char *dest, const char *src);
extern char *strncpy(char *dest, const char *src, size_t n);
extern char *strcat(char *dest, const char *src);
extern int strcmp(const char *a, const char *b);
extern int strncmp(const char *a, const char *b, size_t n);
extern char *strchr(const char *s, int c);

#endif /* _MOCK24_LINUX_STRING_H */
