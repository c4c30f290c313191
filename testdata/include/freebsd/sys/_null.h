/* modlife test mock of the FreeBSD <sys/_null.h>. */
#ifndef NULL
#define NULL ((void *)0)
#endif
