/*
 * lumen.h -- Lumen LX-series lighting controller, shared definitions.
 *
 * The LX board is an ISA card with four dimmable lamp channels and an
 * optical "light-link" data port. This driver exposes each channel as
 * /dev/lumen<N> (char major 121), a control node /dev/lumenctl (misc), and
 * the data port as network interface lx<N>.
 *
 * (A fictional driver, bundled as a modlife demo.)
 */
#ifndef _LUMEN_H
#define _LUMEN_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/ioctl.h>
#include <asm/ptrace.h>

#define LUMEN_VERSION "0.9.3"

#define LUMEN_MAJOR 121
#define LUMEN_MAX_UNITS 4
#define LUMEN_IO_EXTENT 16
#define LUMEN_FIFO_SIZE 2048

/* Register offsets from the I/O base. */
#define LUMEN_REG_CTRL 0x00
#define LUMEN_REG_STATUS 0x01
#define LUMEN_REG_LEVEL 0x02
#define LUMEN_REG_IRQACK 0x03
#define LUMEN_REG_DATA 0x04
#define LUMEN_REG_LINK 0x05
#define LUMEN_REG_LEN 0x06
#define LUMEN_REG_ID 0x08
#define LUMEN_REG_MAC 0x0a

/* LUMEN_REG_CTRL bits. */
#define LUMEN_CTRL_ENABLE 0x01
#define LUMEN_CTRL_IRQEN 0x02
#define LUMEN_CTRL_RESET 0x80

/* LUMEN_REG_STATUS bits. */
#define LUMEN_ST_READY 0x01
#define LUMEN_ST_RXAVAIL 0x02
#define LUMEN_ST_LINKRX 0x04
#define LUMEN_ST_FAULT 0x40

/* LUMEN_REG_IRQACK bits. */
#define LUMEN_IRQ_DATA 0x01
#define LUMEN_IRQ_LINK 0x02

#define LUMEN_CHIP_ID 0x4c

/* ioctls on /dev/lumen<N>. */
#define LUMEN_IOC_MAGIC 'L'
#define LUMEN_SET_LEVEL _IOW(LUMEN_IOC_MAGIC, 1, int)
#define LUMEN_GET_LEVEL _IOR(LUMEN_IOC_MAGIC, 2, int)
#define LUMEN_GET_STATUS _IOR(LUMEN_IOC_MAGIC, 3, int)
#define LUMEN_FADE _IOW(LUMEN_IOC_MAGIC, 4, struct lumen_fade)

struct lumen_fade {
	int from;
	int to;
	int steps;
};

struct lumen_unit {
	int index;
	int present;
	unsigned long iobase;
	int irq;
	int users;
	int writer;
	unsigned char level;
	spinlock_t lock;
	wait_queue_head_t read_wait;
	unsigned char *fifo;
	unsigned int fifo_head;
	unsigned int fifo_tail;
	unsigned long interrupts;
};

extern struct lumen_unit lumen_units[LUMEN_MAX_UNITS];

/* lumen_hw.c */
extern int lumen_hw_probe(struct lumen_unit *u, unsigned long iobase, int irq);
extern void lumen_hw_release(struct lumen_unit *u);
extern int lumen_hw_power_up(struct lumen_unit *u);
extern void lumen_hw_power_down(struct lumen_unit *u);
extern void lumen_hw_set_level(struct lumen_unit *u, unsigned char level);
extern int lumen_hw_status(struct lumen_unit *u);
extern void lumen_interrupt(int irq, void *dev_id, struct pt_regs *regs);

/* lumen_ctl.c */
extern int lumen_ctl_register(void);
extern void lumen_ctl_unregister(void);
extern void lumen_ctl_log_event(int unit, const char *what);

/* lumen_net.c */
extern int lumen_net_probe(struct lumen_unit *u);
extern void lumen_net_remove(struct lumen_unit *u);

#endif /* _LUMEN_H */
