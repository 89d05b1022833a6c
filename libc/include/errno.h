/* SPDX-License-Identifier: MIT */
/* errno, and the Linux error numbers of include/uapi/asm-generic/errno.h. */
#ifndef _ERRNO_H
#define _ERRNO_H

extern int errno;

#include <asm-generic/errno.h>

/* POSIX names that Linux spells differently. */
#define ENOTSUP		EOPNOTSUPP

#endif
