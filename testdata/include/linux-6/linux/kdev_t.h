/* modlife test mock of the Linux 6.1 <linux/kdev_t.h>: device numbers. */
#ifndef _MOCK6_LINUX_KDEV_T_H
#define _MOCK6_LINUX_KDEV_T_H

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#endif /* _MOCK6_LINUX_KDEV_T_H */
