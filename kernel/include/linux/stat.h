/* SPDX-License-Identifier: MIT */
/* struct stat as Linux x86-64's stat/fstat/newfstatat fill it (arch/x86/include/uapi/asm/stat.h). */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <linux/types.h>

struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;			/* 512-byte blocks */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};

_Static_assert(sizeof(struct stat) == 144, "struct stat must match Linux x86-64");

#endif
