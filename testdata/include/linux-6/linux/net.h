/* modlife test mock of the Linux 6.1 <linux/net.h>: sockets and protocol families. */
#ifndef _MOCK6_LINUX_NET_H
#define _MOCK6_LINUX_NET_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/fs.h>

struct net;
struct sock;
struct sockaddr;
struct msghdr;
struct poll_table_struct;
struct module;
struct proto_ops;

typedef enum {
	SS_FREE = 0,
	SS_UNCONNECTED,
	SS_CONNECTING,
	SS_CONNECTED,
	SS_DISCONNECTING
} socket_state;

struct socket {
	socket_state state;
	short type;
	unsigned long flags;
	struct file *file;
	struct sock *sk;
	const struct proto_ops *ops;
};

/* owner pins the module while a socket of the family is open. */
struct proto_ops {
	int family;
	struct module *owner;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *myaddr, int sockaddr_len);
	int (*connect)(struct socket *sock, struct sockaddr *vaddr, int sockaddr_len, int flags);
	int (*socketpair)(struct socket *sock1, struct socket *sock2);
	int (*accept)(struct socket *sock, struct socket *newsock, int flags, bool kern);
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	__poll_t (*poll)(struct file *file, struct socket *sock, struct poll_table_struct *wait);
	int (*ioctl)(struct socket *sock, unsigned int cmd, unsigned long arg);
	int (*listen)(struct socket *sock, int len);
	int (*shutdown)(struct socket *sock, int flags);
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t total_len, int flags);
};

/* owner pins the module while create() runs. */
struct net_proto_family {
	int family;
	int (*create)(struct net *net, struct socket *sock, int protocol, int kern);
	struct module *owner;
};

int sock_register(const struct net_proto_family *fam);
void sock_unregister(int family);
int sock_create_kern(struct net *net, int family, int type, int proto, struct socket **res);
void sock_release(struct socket *sock);

#endif /* _MOCK6_LINUX_NET_H */
