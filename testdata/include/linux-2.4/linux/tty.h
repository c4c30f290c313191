/* modlife test mock of the Linux 2.4 <linux/tty.h> and tty_driver.h: drivers and ttys. */
#ifndef _MOCK24_LINUX_TTY_H
#define _MOCK24_LINUX_TTY_H

#include <linux/fs.h>
#include <linux/wait.h>
#include <linux/tqueue.h>

struct tty_struct;
struct termios;

#define TTY_DRIVER_MAGIC 0x5402
#define TTY_MAGIC 0x5401

#define TTY_DRIVER_TYPE_SERIAL 0x0003
#define SERIAL_TYPE_NORMAL 1
#define TTY_DRIVER_REAL_RAW 0x0004

/* 2.4 has no owner here either: open() counts for the module. */
struct tty_driver {
	int magic;
	const char *driver_name;
	const char *name;
	int name_base;
	short major;
	short minor_start;
	short num;
	short type;
	short subtype;
	int flags;
	int *refcount;
	struct tty_struct **table;
	struct termios **termios;
	struct termios **termios_locked;
	void *driver_state;

	int (*open)(struct tty_struct *tty, struct file *filp);
	void (*close)(struct tty_struct *tty, struct file *filp);
	int (*write)(struct tty_struct *tty, int from_user,
		     const unsigned char *buf, int count);
	void (*put_char)(struct tty_struct *tty, unsigned char ch);
	void (*flush_chars)(struct tty_struct *tty);
	int (*write_room)(struct tty_struct *tty);
	int (*chars_in_buffer)(struct tty_struct *tty);
	int (*ioctl)(struct tty_struct *tty, struct file *file,
		     unsigned int cmd, unsigned long arg);
	void (*throttle)(struct tty_struct *tty);
	void (*unthrottle)(struct tty_struct *tty);
	void (*stop)(struct tty_struct *tty);
	void (*start)(struct tty_struct *tty);
	void (*hangup)(struct tty_struct *tty);
	void (*flush_buffer)(struct tty_struct *tty);

	struct tty_driver *next;
	struct tty_driver *prev;
};

struct tty_struct {
	int magic;
	struct tty_driver driver;
	int count;
	kdev_t device;
	unsigned long flags;
	wait_queue_head_t write_wait;
	wait_queue_head_t read_wait;
	struct tq_struct tq_hangup;
	void *driver_data;
};

/* A line discipline (2.4 keeps it in <linux/tty_ldisc.h>). */
struct tty_ldisc {
	int magic;
	char *name;
	int num;
	int flags;
	int (*open)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty);
};

extern int tty_register_ldisc(int disc, struct tty_ldisc *new_ldisc);

extern struct termios tty_std_termios;

extern int tty_register_driver(struct tty_driver *driver);
extern int tty_unregister_driver(struct tty_driver *driver);
extern void tty_hangup(struct tty_struct *tty);
extern void tty_wakeup(struct tty_struct *tty);
extern void tty_flip_buffer_push(struct tty_struct *tty);

#endif /* _MOCK24_LINUX_TTY_H */
