/*
 * lumen_hw.c -- Lumen LX controller: probing, reset, power and the
 * channel interrupt handler.
 *
 * Nothing here is called from outside the module: these helpers run from
 * module init or from the char device's methods, after open() has counted.
 */
#include <linux/config.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/ioport.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <asm/io.h>

#include "lumen.h"

#define LUMEN_RESET_POLLS 200
#define LUMEN_WARMUP_MS 20

static int lumen_hw_reset(struct lumen_unit *u)
{
	int i;

	outb(LUMEN_CTRL_RESET, u->iobase + LUMEN_REG_CTRL);
	udelay(50);
	outb(0, u->iobase + LUMEN_REG_CTRL);

	for (i = 0; i < LUMEN_RESET_POLLS; i++) {
		if (inb(u->iobase + LUMEN_REG_STATUS) & LUMEN_ST_READY)
			return 0;
		udelay(10);
	}
	return -ETIMEDOUT;
}

int lumen_hw_probe(struct lumen_unit *u, unsigned long iobase, int irq)
{
	int err;

	if (!request_region(iobase, LUMEN_IO_EXTENT, "lumen"))
		return -EBUSY;

	err = -ENODEV;
	if (inb(iobase + LUMEN_REG_ID) != LUMEN_CHIP_ID)
		goto out_release;

	u->iobase = iobase;
	u->irq = irq;
	err = lumen_hw_reset(u);
	if (err)
		goto out_release;

	err = -ENOMEM;
	u->fifo = kmalloc(LUMEN_FIFO_SIZE, GFP_KERNEL);
	if (!u->fifo)
		goto out_release;

	u->fifo_head = u->fifo_tail = 0;
	u->users = 0;
	u->writer = 0;
	u->level = 0;
	spin_lock_init(&u->lock);
	init_waitqueue_head(&u->read_wait);
	u->present = 1;

	printk(KERN_INFO "lumen%d: LX controller at 0x%lx, irq %d\n",
	       u->index, iobase, irq);
	return 0;

out_release:
	release_region(iobase, LUMEN_IO_EXTENT);
	return err;
}

void lumen_hw_release(struct lumen_unit *u)
{
	if (!u->present)
		return;
	outb(0, u->iobase + LUMEN_REG_CTRL);
	kfree(u->fifo);
	u->fifo = NULL;
	release_region(u->iobase, LUMEN_IO_EXTENT);
	u->present = 0;
}

int lumen_hw_power_up(struct lumen_unit *u)
{
	outb(LUMEN_CTRL_ENABLE | LUMEN_CTRL_IRQEN, u->iobase + LUMEN_REG_CTRL);
	/* The lamp drivers need a moment to settle; busy-wait, never sleep. */
	mdelay(LUMEN_WARMUP_MS);
	if (inb(u->iobase + LUMEN_REG_STATUS) & LUMEN_ST_FAULT) {
		outb(0, u->iobase + LUMEN_REG_CTRL);
		printk(KERN_WARNING "lumen%d: lamp fault on power-up\n", u->index);
		return -EIO;
	}
	return 0;
}

void lumen_hw_power_down(struct lumen_unit *u)
{
	outb(0, u->iobase + LUMEN_REG_LEVEL);
	outb(0, u->iobase + LUMEN_REG_CTRL);
}

void lumen_hw_set_level(struct lumen_unit *u, unsigned char level)
{
	unsigned long flags;

	spin_lock_irqsave(&u->lock, flags);
	u->level = level;
	outb(level, u->iobase + LUMEN_REG_LEVEL);
	spin_unlock_irqrestore(&u->lock, flags);
}

int lumen_hw_status(struct lumen_unit *u)
{
	return inb(u->iobase + LUMEN_REG_STATUS);
}

/* Light-sensor samples arrive one byte per interrupt. */
void lumen_interrupt(int irq, void *dev_id, struct pt_regs *regs)
{
	struct lumen_unit *u = dev_id;
	unsigned char status;

	status = inb(u->iobase + LUMEN_REG_STATUS);
	if (!(status & LUMEN_ST_RXAVAIL))
		return;

	spin_lock(&u->lock);
	u->interrupts++;
	u->fifo[u->fifo_head] = inb(u->iobase + LUMEN_REG_DATA);
	u->fifo_head = (u->fifo_head + 1) % LUMEN_FIFO_SIZE;
	if (u->fifo_head == u->fifo_tail)
		u->fifo_tail = (u->fifo_tail + 1) % LUMEN_FIFO_SIZE;
	spin_unlock(&u->lock);

	outb(LUMEN_IRQ_DATA, u->iobase + LUMEN_REG_IRQACK);
	wake_up_interruptible(&u->read_wait);
}
