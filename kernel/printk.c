// SPDX-License-Identifier: MIT
/*
 * printk: format a message, append it to the kernel log buffer (read by
 * dmesg-style tools and the GDB helper lx-dmesg), and write it to every
 * console when its level is below console_loglevel (set with loglevel=N;
 * "quiet" sets 4). Messages carry Linux's KERN_* prefixes.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/processor.h>

#define LOG_BUF_LEN	(64 * 1024)

/* The log is a ring of characters; log_next counts every byte ever written. */
char log_buf[LOG_BUF_LEN];
unsigned long log_next;
int console_loglevel = LOGLEVEL_DEFAULT_CONSOLE;
static struct console *consoles;
static int last_level = 6;	/* level of a line continued with KERN_CONT */

/* "loglevel=N": print messages of level below N on the consoles. */
static int set_loglevel(char *value)
{
	console_loglevel = simple_strtol(value, NULL, 10);
	return 0;
}
early_param("loglevel", set_loglevel);

/* "quiet": only errors and worse (levels below 4) on the consoles. */
static int set_quiet(char *value)
{
	console_loglevel = 4;
	return 0;
}
early_param("quiet", set_quiet);

/* Add @console to those printk writes to. */
void register_console(struct console *console)
{
	console->next = consoles;
	consoles = console;
}

/* Write @length bytes of @text to every console, bypassing the log. */
void console_write(const char *text, size_t length)
{
	for (struct console *c = consoles; c; c = c->next)
		c->write(text, length);
}

void console_unthrottle(void)
{
	for (struct console *c = consoles; c; c = c->next)
		if (c->unthrottle)
			c->unthrottle();
}

/* Append @length bytes of @text to the ring buffer log_buf. */
static void log_store(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = text[i];
	log_next += length;
}

int vprintk(const char *fmt, va_list args)
{
	char text[512];
	int level = 6, length;
	unsigned long flags;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		level = fmt[1] == 'c' ? last_level : fmt[1] - '0';
		fmt += 2;
	}
	length = vsnprintf(text, sizeof(text), fmt, args);
	if (length >= (int)sizeof(text))
		length = sizeof(text) - 1;
	last_level = level;
	flags = local_irq_save();
	log_store(text, length);
	if (level < console_loglevel)
		console_write(text, length);
	local_irq_restore(flags);
	return length;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
