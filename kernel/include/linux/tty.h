/* SPDX-License-Identifier: MIT */
/* The console terminal (kernel/tty.c), used by /dev/console (kernel/fs/console.c). */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

/*
 * Input from a console driver (interrupt context, interrupts off): take a
 * character from the hardware only while tty_receive_room() allows it,
 * and hand it to tty_receive_char(). When the tty has no room, the rest
 * waits in the hardware (and QEMU) until console_unthrottle() is called.
 */
bool tty_receive_room(void);
void tty_receive_char(char c);

ssize_t tty_read(char *kbuf, size_t count);
ssize_t tty_write(const char *kbuf, size_t count);
long tty_ioctl(unsigned int cmd, unsigned long arg);

#endif
