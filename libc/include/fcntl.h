/* SPDX-License-Identifier: MIT */
/* open() and fcntl(); the flags are include/uapi/linux/fcntl.h's. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include <linux/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
