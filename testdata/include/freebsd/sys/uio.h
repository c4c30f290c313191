/* modlife test mock of the FreeBSD <sys/uio.h>: I/O descriptors for d_read/d_write. */
#ifndef _MOCKFBSD_SYS_UIO_H
#define _MOCKFBSD_SYS_UIO_H

#include <sys/types.h>

struct thread;

enum uio_rw { UIO_READ, UIO_WRITE };

enum uio_seg {
	UIO_USERSPACE,		/* from user data space */
	UIO_SYSSPACE,		/* from system space */
	UIO_NOCOPY		/* don't copy, already in object */
};

struct iovec {
	void *iov_base;
	size_t iov_len;
};

struct uio {
	struct iovec *uio_iov;		/* scatter/gather list */
	int uio_iovcnt;			/* length of scatter/gather list */
	off_t uio_offset;		/* offset in target object */
	ssize_t uio_resid;		/* remaining bytes to process */
	enum uio_seg uio_segflg;	/* address space */
	enum uio_rw uio_rw;		/* operation */
	struct thread *uio_td;		/* owner */
};

#ifdef _KERNEL
/* Copies to or from user space, so it may fault and sleep. */
int uiomove(void *cp, int n, struct uio *uio);
int uiomove_frombuf(void *buf, int buflen, struct uio *uio);
#endif

#endif /* _MOCKFBSD_SYS_UIO_H */
