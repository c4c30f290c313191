/* modlife test mock of the Linux 2.4 <linux/kdev_t.h>: 8-bit majors and minors. */
#ifndef _MOCK24_LINUX_KDEV_T_H
#define _MOCK24_LINUX_KDEV_T_H

typedef unsigned short kdev_t;

#define MINORBITS 8
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) ((kdev_t)(((ma) << MINORBITS) | (mi)))
#define NODEV 0

#define kdevname(dev) __kdevname(dev)
extern const char *__kdevname(kdev_t dev);

#endif /* _MOCK24_LINUX_KDEV_T_H */
