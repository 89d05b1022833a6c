/* SPDX-License-Identifier: MIT */
/* The records getdents64 writes (Linux's struct linux_dirent64). */
#ifndef _LINUX_DIRENT_H
#define _LINUX_DIRENT_H

#include <linux/types.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;		/* position of the next entry (for lseek) */
	unsigned short d_reclen;	/* this record's size, a multiple of 8 */
	unsigned char d_type;	/* DT_* */
	char d_name[];		/* NUL-terminated */
};

#endif
