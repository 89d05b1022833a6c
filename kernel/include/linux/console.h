/* SPDX-License-Identifier: MIT */
/*
 * Consoles: where printk output goes (the serial port and the VGA text
 * screen). Typed input goes from the serial driver to the tty
 * (linux/tty.h), which asks the consoles to resume input with
 * console_unthrottle() when it has room again.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(const char *text, size_t length);
	/* optional: the tty has room again; take the input left waiting */
	void (*unthrottle)(void);
	struct console *next;
};

void register_console(struct console *console);
/* Write to every registered console, bypassing the log (for user output). */
void console_write(const char *text, size_t length);

/* Call every console's unthrottle (interrupts off). */
void console_unthrottle(void);

void serial_init(void);
void vga_init(void);

#endif
