/*
 * modlife test mock of the FreeBSD <sys/systm.h>: printf, panic, KASSERT,
 * copyin/copyout, and the sleep primitives tsleep/msleep/pause/wakeup.
 * Every sleep here is a macro over _sleep() or pause_sbt().
 */
#ifndef _MOCKFBSD_SYS_SYSTM_H
#define _MOCKFBSD_SYS_SYSTM_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/queue.h>
#include <machine/atomic.h>
#include <sys/callout.h>
#include <sys/pcpu.h>
#include <sys/time.h>

#ifdef _KERNEL
extern int cold;		/* nonzero while booting, before the scheduler runs */
extern int rebooting;
extern const char *panicstr;
extern char version[];
extern char copyright[];
extern int maxusers;

struct lock_object;
struct mtx;
struct uio;

void panic(const char *, ...) __dead2 __printflike(1, 2);
void kassert_panic(const char *fmt, ...) __printflike(1, 2);

#ifdef INVARIANTS
#define KASSERT(exp, msg) do { \
	if (__predict_false(!(exp))) \
		kassert_panic msg; \
} while (0)
#else
#define KASSERT(exp, msg) do { \
} while (0)
#endif
#define CTASSERT(x) _Static_assert(x, "compile-time assertion failed")
#define MPASS(ex) KASSERT((ex), ("Assertion %s failed at %s:%d", #ex, __FILE__, __LINE__))

int printf(const char *, ...) __printflike(1, 2);
int uprintf(const char *, ...) __printflike(1, 2);
int snprintf(char *, size_t, const char *, ...) __printflike(3, 4);
int sprintf(char *buf, const char *, ...) __printflike(2, 3);
/* Not the C library's log(3): the kernel is built -ffreestanding. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wincompatible-library-redeclaration"
void log(int, const char *, ...) __printflike(2, 3);
#pragma clang diagnostic pop

void bcopy(const void *from, void *to, size_t len);
void bzero(void *buf, size_t len);
void explicit_bzero(void *, size_t);
int bcmp(const void *b1, const void *b2, size_t len);
void *memset(void *buf, int c, size_t len);
void *memcpy(void *to, const void *from, size_t len);
void *memmove(void *dest, const void *src, size_t n);
int memcmp(const void *b1, const void *b2, size_t len);
size_t strlen(const char *);
int strcmp(const char *, const char *);
int strncmp(const char *, const char *, size_t);
size_t strlcpy(char *, const char *, size_t);
size_t strlcat(char *, const char *, size_t);

int copyin(const void *udaddr, void *kaddr, size_t len);
int copyin_nofault(const void *udaddr, void *kaddr, size_t len);
int copyout(const void *kaddr, void *udaddr, size_t len);
int copyout_nofault(const void *kaddr, void *udaddr, size_t len);
int copyinstr(const void *udaddr, void *kaddr, size_t len, size_t *lencopied);

/*
 * Sleeping. A timeout of 0 ticks means forever. A lock passed to msleep()
 * is dropped while asleep; tsleep() holds none.
 */
int _sleep(const void *chan, struct lock_object *lock, int pri,
    const char *wmesg, sbintime_t sbt, sbintime_t pr, int flags);
#define msleep(chan, mtx, pri, wmesg, timo) \
	_sleep((chan), &(mtx)->lock_object, (pri), (wmesg), \
	    tick_sbt * (timo), 0, C_HARDCLOCK)
#define msleep_sbt(chan, mtx, pri, wmesg, bt, pr, flags) \
	_sleep((chan), &(mtx)->lock_object, (pri), (wmesg), (bt), (pr), \
	    (flags))
int msleep_spin_sbt(const void *chan, struct mtx *mtx,
    const char *wmesg, sbintime_t sbt, sbintime_t pr, int flags);
#define msleep_spin(chan, mtx, wmesg, timo) \
	msleep_spin_sbt((chan), (mtx), (wmesg), tick_sbt * (timo), \
	    0, C_HARDCLOCK)
int pause_sbt(const char *wmesg, sbintime_t sbt, sbintime_t pr, int flags);
#define pause(wmesg, timo) \
	pause_sbt((wmesg), tick_sbt * (timo), 0, C_HARDCLOCK)
#define pause_sig(wmesg, timo) \
	pause_sbt((wmesg), tick_sbt * (timo), 0, C_HARDCLOCK | C_CATCH)
#define tsleep(chan, pri, wmesg, timo) \
	_sleep((chan), NULL, (pri), (wmesg), tick_sbt * (timo), \
	    0, C_HARDCLOCK)
#define tsleep_sbt(chan, pri, wmesg, bt, pr, flags) \
	_sleep((chan), NULL, (pri), (wmesg), (bt), (pr), (flags))
void wakeup(const void *chan);
void wakeup_one(const void *chan);
void wakeup_any(const void *chan);

void DELAY(int usec);	/* busy-waits; does not sleep */

int getenv_string(const char *name, char *data, int size);
#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_SYSTM_H */
