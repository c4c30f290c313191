/* pulsar.h -- a 2.4 char driver split over two files, as real ones are:
 * the file_operations live in pulsar_main.c, the hardware helpers in
 * pulsar_hw.c. (A fictional driver for modlife's cross-file tests.) */
#ifndef _PULSAR_H
#define _PULSAR_H
#include <linux/types.h>
#include <linux/slab.h>

struct pulsar_dev {
	unsigned long iobase;
	void *ring;
	int users;
};

int pulsar_hw_wake(struct pulsar_dev *d);
int pulsar_hw_poke(struct pulsar_dev *d);
void *pulsar_hw_alloc(struct pulsar_dev *d, int gfp);
int pulsar_hw_settle(struct pulsar_dev *d);
int pulsar_util_wait(struct pulsar_dev *d);
void pulsar_hw_abort(struct pulsar_dev *d);
#endif
