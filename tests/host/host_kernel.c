// SPDX-License-Identifier: MIT
/*
 * What the kernel's core provides to mm code, re-done over the host C
 * library for the host test programs: printk, panic, BUG reports and the
 * direct-map base. BUG and panic abort, so a test that expects one must
 * not reach it; misuse checks that must not stop the kernel report with
 * printk and return instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <linux/printk.h>
#include <linux/bug.h>

unsigned long page_offset_base;
int console_loglevel = LOGLEVEL_DEFAULT_CONSOLE;

/* Strip a KERN_* prefix; print the rest to stdout (tests read their own output). */
int vprintk(const char *fmt, va_list args)
{
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	return vprintf(fmt, args);
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

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	printf("Kernel panic - not syncing: ");
	vprintf(fmt, args);
	va_end(args);
	fflush(stdout);
	abort();
}

void report_bug(const char *file, int line, const char *cond)
{
	printf("kernel BUG at %s:%d! (%s)\n", file, line, cond ? cond : "BUG()");
	fflush(stdout);
	abort();
}

void report_warning(const char *file, int line, const char *cond)
{
	printf("WARNING: at %s:%d: %s\n", file, line, cond);
}
