/*
 * modlife-missing-owner, Linux 6.1 (modlife-mock: linux-6): a protocol family
 * without .owner. __sock_create() pins pf->owner around create(), and
 * sock_register() does not fill it in. The fix-it follows the list's plain
 * ".field = value" spacing.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/net.h>

#define PF_FOO 40

static int foo_create(struct net *net, struct socket *sock, int protocol,
		      int kern)
{
	return 0;
}

static const struct net_proto_family foo_family_ops = { // expected-warning {{'foo_family_ops' does not set 'owner'}}
    .family = PF_FOO,
    .create = foo_create, // expected-note {{'foo_create' can be called while this module is being removed}}
};

static int __init foo_init(void)
{
	return sock_register(&foo_family_ops);
}

static void __exit foo_exit(void)
{
	sock_unregister(PF_FOO);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
