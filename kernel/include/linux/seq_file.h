/* SPDX-License-Identifier: MIT */
/*
 * A text buffer that /proc files and debug views are formatted into.
 * A formatter (e.g. buddyinfo_show) appends with seq_printf; output that
 * does not fit is cut and seq_has_overflowed() tells.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>

struct seq_file {
	char *buf;	/* destination */
	size_t size;	/* capacity of buf */
	size_t count;	/* bytes written so far (always < size, NUL-terminated) */
	bool overflow;	/* something did not fit */
};

/* Point @m at @buf of @size bytes, empty. */
static inline void seq_init(struct seq_file *m, char *buf, size_t size)
{
	m->buf = buf;
	m->size = size;
	m->count = 0;
	m->overflow = false;
	if (size)
		buf[0] = '\0';
}

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->overflow;
}

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
/* Append @len bytes of @data, NULs included (/proc/PID/cmdline). */
void seq_write(struct seq_file *m, const void *data, size_t len);

#endif
