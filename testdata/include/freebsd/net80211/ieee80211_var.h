/*
 * Mock <net80211/ieee80211_var.h>: only what drivers use to queue and drain
 * their tasks on the 802.11 layer's taskqueue. Our own text; the real
 * header has the same inline wrappers over taskqueue(9).
 */
#ifndef _MOCKFBSD_NET80211_IEEE80211_VAR_H
#define _MOCKFBSD_NET80211_IEEE80211_VAR_H

#include <sys/taskqueue.h>

struct ieee80211com {
	const char *ic_name;
	struct taskqueue *ic_tq;	/* deferred state processing */
	void *ic_softc;
};

static __inline void
ieee80211_runtask(struct ieee80211com *ic, struct task *task)
{
	taskqueue_enqueue(ic->ic_tq, task);
}

static __inline void
ieee80211_draintask(struct ieee80211com *ic, struct task *task)
{
	taskqueue_drain(ic->ic_tq, task);
}

void ieee80211_ifattach(struct ieee80211com *);
void ieee80211_ifdetach(struct ieee80211com *);

#endif
