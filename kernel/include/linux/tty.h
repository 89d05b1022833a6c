/* SPDX-License-Identifier: MIT */
/* The console terminal (kernel/tty.c), used by /dev/console (kernel/fs/console.c). */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

ssize_t tty_read(char *kbuf, size_t count);
ssize_t tty_write(const char *kbuf, size_t count);
long tty_ioctl(unsigned int cmd, unsigned long arg);

#endif
