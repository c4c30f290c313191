/* modlife test mock of the Linux 2.4 <linux/poll.h>. */
#ifndef _MOCK24_LINUX_POLL_H
#define _MOCK24_LINUX_POLL_H

#include <asm/poll.h>
#include <linux/fs.h>
#include <linux/wait.h>

typedef struct poll_table_struct {
	int error;
	struct poll_table_page *table;
} poll_table;

extern void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && wait_address)
		__pollwait(filp, wait_address, p);
}

#endif /* _MOCK24_LINUX_POLL_H */
