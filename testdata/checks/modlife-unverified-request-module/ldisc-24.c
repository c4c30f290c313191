/*
 * modlife-unverified-request-module, Linux 2.4: request_module() is a
 * function there. The first lookup is retried after the load, as 2.4's
 * tty_set_ldisc() does; the second trusts the load.
 */
#include <linux/module.h>
#include <linux/kmod.h>
#include <linux/errno.h>
#include <linux/stddef.h>

struct ldisc_ops {
	int (*open)(void *tty);
};

extern struct ldisc_ops *ldiscs[16];

int ldisc_open(int disc, void *tty)
{
	if (!ldiscs[disc]) {
		char name[16];

		request_module(name);
	}
	if (!ldiscs[disc])
		return -EINVAL;
	return ldiscs[disc]->open(tty);
}

extern struct ldisc_ops *get_ldisc(int disc);

int ldisc_open_trusting(int disc, void *tty)
{
	struct ldisc_ops *ops = get_ldisc(disc); // expected-note {{'ops' was looked up here and not found}}

	if (ops == NULL && request_module("tty-ldisc") != 0) // expected-note {{'request_module' asks for the module here}} expected-note {{look it up again after the load: 'ops = get_ldisc(disc)'}}
		return -EINVAL;
	return ops->open(tty); // expected-warning {{'ops' is used after 'request_module' without looking it up again}}
}
