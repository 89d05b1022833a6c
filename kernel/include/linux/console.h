/* SPDX-License-Identifier: MIT */
/*
 * Consoles: where printk output goes (the serial port and the VGA text
 * screen), and the input side: characters typed on the serial line are
 * queued by the driver's interrupt handler and read by console_read_char().
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(const char *text, size_t length);
	struct console *next;
};

void register_console(struct console *console);
/* Write to every registered console, bypassing the log (for user output). */
void console_write(const char *text, size_t length);

/* Called by input drivers for each received character (interrupt context). */
void console_receive_char(char c);
/* The next queued input character, or -1 when none is waiting. */
int console_read_char(void);
/*
 * Hook for the terminal layer: called for each received character before it
 * is queued; returns true if the character was consumed (e.g. Ctrl-C).
 */
extern bool (*console_input_hook)(char c);

void serial_init(void);
void vga_init(void);

#endif
