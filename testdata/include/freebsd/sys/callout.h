/*
 * modlife test mock of the FreeBSD <sys/callout.h>: timed callbacks.
 * The handler runs from the softclock thread. callout_stop() only cancels
 * a pending call: a handler already running on another CPU keeps running.
 * callout_drain() also waits for it, and may sleep.
 */
#ifndef _MOCKFBSD_SYS_CALLOUT_H
#define _MOCKFBSD_SYS_CALLOUT_H

#include <sys/_callout.h>
#include <sys/pcpu.h>
#include <sys/time.h>

#define CALLOUT_LOCAL_ALLOC 0x0001
#define CALLOUT_ACTIVE 0x0002
#define CALLOUT_PENDING 0x0004
#define CALLOUT_MPSAFE 0x0008		/* deprecated: callout_init(c, 1) */
#define CALLOUT_RETURNUNLOCKED 0x0010	/* handler releases the lock itself */
#define CALLOUT_SHAREDLOCK 0x0020
#define CALLOUT_DFRMIGRATION 0x0040
#define CALLOUT_PROCESSED 0x0080
#define CALLOUT_DIRECT 0x0100

#define C_DIRECT_EXEC 0x0001		/* run directly from the hardware interrupt */
#define C_PRELBITS 7
#define C_PRELRANGE ((1 << C_PRELBITS) - 1)
#define C_PRELSET(x) (((x) + 1) << 1)
#define C_PRELGET(x) (int)((((x) >> 1) & C_PRELRANGE) - 1)
#define C_HARDCLOCK 0x0100		/* align to hardclock() calls */
#define C_ABSOLUTE 0x0200		/* event time is absolute */
#define C_PRECALC 0x0400		/* event time is pre-calculated */
#define C_CATCH 0x0800			/* catch signals, used by pause_sbt(9) */

/* Flags of _callout_stop_safe(). */
#define CS_DRAIN 0x0001			/* wait for a running handler to finish */
#define CS_EXECUTING 0x0002

#ifdef _KERNEL
#define callout_active(c) ((c)->c_flags & CALLOUT_ACTIVE)
#define callout_deactivate(c) ((c)->c_flags &= ~CALLOUT_ACTIVE)
#define callout_pending(c) ((c)->c_iflags & CALLOUT_PENDING)

void callout_init(struct callout *, int);
void _callout_init_lock(struct callout *, struct lock_object *, int);
#define callout_init_mtx(c, mtx, flags) \
	_callout_init_lock((c), ((mtx) != NULL) ? &(mtx)->lock_object : \
	    NULL, (flags))
#define callout_init_rm(c, rm, flags) \
	_callout_init_lock((c), ((rm) != NULL) ? &(rm)->lock_object : \
	    NULL, (flags))
#define callout_init_rw(c, rw, flags) \
	_callout_init_lock((c), ((rw) != NULL) ? &(rw)->lock_object : \
	    NULL, (flags))

int callout_reset_sbt_on(struct callout *, sbintime_t, sbintime_t,
    callout_func_t *, void *, int, int);
#define callout_reset_sbt(c, sbt, pr, fn, arg, flags) \
	callout_reset_sbt_on((c), (sbt), (pr), (fn), (arg), -1, (flags))
#define callout_reset_sbt_curcpu(c, sbt, pr, fn, arg, flags) \
	callout_reset_sbt_on((c), (sbt), (pr), (fn), (arg), PCPU_GET(cpuid), \
	    (flags))
#define callout_reset_on(c, to_ticks, fn, arg, cpu) \
	callout_reset_sbt_on((c), tick_sbt * (to_ticks), 0, (fn), (arg), \
	    (cpu), C_HARDCLOCK)
#define callout_reset(c, on_tick, fn, arg) \
	callout_reset_on((c), (on_tick), (fn), (arg), -1)
#define callout_reset_curcpu(c, on_tick, fn, arg) \
	callout_reset_on((c), (on_tick), (fn), (arg), PCPU_GET(cpuid))

int callout_schedule(struct callout *, int);
int callout_schedule_on(struct callout *, int, int);
#define callout_schedule_curcpu(c, on_tick) \
	callout_schedule_on((c), (on_tick), PCPU_GET(cpuid))

int _callout_stop_safe(struct callout *, int);
#define callout_stop(c) _callout_stop_safe(c, 0)
#define callout_drain(c) _callout_stop_safe(c, CS_DRAIN)
int callout_async_drain(struct callout *, callout_func_t *);
void callout_when(sbintime_t sbt, sbintime_t precision, int flags,
    sbintime_t *sbt_res, sbintime_t *prec_res);
#endif /* _KERNEL */

#endif /* _MOCKFBSD_SYS_CALLOUT_H */
