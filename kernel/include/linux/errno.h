/* SPDX-License-Identifier: MIT */
/*
 * Error numbers: the ones user space sees come from include/uapi (the
 * syscall ABI returns -errno); this file adds the kernel-internal ones.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

/*
 * Kernel-internal: never seen by user space. A system call interrupted by
 * a signal returns one of these; the signal code turns it into -EINTR or
 * rewinds the call to be made again (Linux's include/linux/errno.h).
 */
#define ERESTARTSYS	512	/* restart if the handler has SA_RESTART */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart only if no handler ran */

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE(ptr); }
/* An error pointer of one type as another. */
static inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }

#endif
