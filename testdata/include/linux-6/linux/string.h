/* modlife test mock of the Linux 6.1 <linux/string.h>: string functions and copies. */
#ifndef _MOCK6_LINUX_STRING_H
#define _MOCK6_LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>

extern void *memcpy(void *dest, const void *src, size_t n);
extern void *memmove(void *dest, const void *src, size_t n);
extern void *memset(void *s, int c, size_t n);
extern int memcmp(const void *s1, const void *s2, size_t n);
extern size_t strlen(const char *s);
extern size_t strnlen(const char *s, size_t maxlen);
extern int strcmp(const char *s1, const char *s2);
extern int strncmp(const char *s1, const char *s2, size_t n);
extern char *strcpy(char *dest, const char *src);
extern char *strncpy(char *dest, const char *src, size_t n);
extern char *strchr(const char *s, int c);
extern ssize_t strscpy(char *dest, const char *src, size_t count);
extern size_t strlcpy(char *dest, const char *src, size_t size);

/* Allocating copies: they may sleep when gfp carries __GFP_DIRECT_RECLAIM. */
extern char *kstrdup(const char *s, gfp_t gfp) __malloc;
extern const char *kstrdup_const(const char *s, gfp_t gfp);
extern char *kstrndup(const char *s, size_t len, gfp_t gfp);
extern void *kmemdup(const void *src, size_t len, gfp_t gfp) __realloc_size(2);
extern void kfree_const(const void *x);

#endif /* _MOCK6_LINUX_STRING_H */
