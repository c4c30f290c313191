// Regression from Linux 2.4.22 drivers/net/pppoe.c (pppoe_create): once the
// socket's destructor, which does MOD_DEC_USE_COUNT, is stored in
// sk->destruct, sk_free() drops the count through it. A failure return after
// sk_free() keeps nothing. The early return before the destructor is stored
// does keep the count: that one is a real bug in 2.4.22.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct sock {
	void (*destruct)(struct sock *sk);
	void *protinfo;
};
struct socket {
	struct sock *sk;
};
extern struct sock *sk_alloc(int family, int priority, int zero_it);
extern void sk_free(struct sock *sk);

static void foo_sock_destruct(struct sock *sk)
{
	kfree(sk->protinfo);
	MOD_DEC_USE_COUNT;
}

static int foo_create(struct socket *sock)
{
	int error = 0;
	struct sock *sk;

	MOD_INC_USE_COUNT;

	sk = sk_alloc(24, GFP_KERNEL, 1);
	if (!sk)
		return -ENOMEM; // expected-warning{{failure return keeps the module reference taken by 'MOD_INC_USE_COUNT'}}

	sk->destruct = foo_sock_destruct;
	sk->protinfo = kmalloc(32, GFP_KERNEL);
	if (!sk->protinfo) {
		error = -ENOMEM;
		goto free_sk;
	}
	sock->sk = sk;
	return 0;

free_sk:
	sk_free(sk);
	return error;
}

int foo_register(int (*create)(struct socket *));
int foo_init(void)
{
	return foo_register(foo_create);
}
