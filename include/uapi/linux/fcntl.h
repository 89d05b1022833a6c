/* SPDX-License-Identifier: MIT */
/* Linux's own fcntl() commands and the *at() calls' constants. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#include <asm-generic/fcntl.h>

#define F_LINUX_SPECIFIC_BASE	1024
#define F_DUPFD_CLOEXEC		(F_LINUX_SPECIFIC_BASE + 6)	/* F_DUPFD with FD_CLOEXEC set */
#define F_SETPIPE_SZ		(F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ		(F_LINUX_SPECIFIC_BASE + 8)	/* a pipe's capacity in bytes */

#define AT_FDCWD		-100	/* relative paths start at the working directory */
#define AT_SYMLINK_NOFOLLOW	0x100	/* do not follow a final symbolic link */
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000	/* an empty path means the descriptor itself */

#endif
