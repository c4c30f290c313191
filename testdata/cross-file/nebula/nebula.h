/* nebula.h -- a 2.4 char driver whose file methods live in nebula_ops.c
 * while the file_operations that wire them live in nebula_main.c, as in
 * many real drivers. (A fictional driver for modlife's cross-file tests.) */
#ifndef _NEBULA_H
#define _NEBULA_H
#include <linux/fs.h>

int nebula_open(struct inode *inode, struct file *file);
int nebula_release(struct inode *inode, struct file *file);
int nebula_ctl_open(struct inode *inode, struct file *file);
int nebula_reset(void);
#endif
