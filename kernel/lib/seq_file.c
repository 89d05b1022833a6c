// SPDX-License-Identifier: MIT
/* Appending formatted text to a seq_file (see linux/seq_file.h). */
#include <linux/seq_file.h>
#include <linux/printk.h>

/* Append @len bytes of @s, cutting (and flagging overflow) at the end of the buffer. */
static void seq_append(struct seq_file *m, const char *s, size_t len)
{
	size_t room = m->size ? m->size - 1 - m->count : 0;

	if (len > room) {
		len = room;
		m->overflow = true;
	}
	for (size_t i = 0; i < len; i++)
		m->buf[m->count + i] = s[i];
	m->count += len;
	if (m->size)
		m->buf[m->count] = '\0';
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	char line[256];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (len >= (int)sizeof(line)) {
		len = sizeof(line) - 1;
		m->overflow = true;
	}
	seq_append(m, line, len);
}

void seq_puts(struct seq_file *m, const char *s)
{
	size_t len = 0;

	while (s[len])
		len++;
	seq_append(m, s, len);
}

void seq_putc(struct seq_file *m, char c)
{
	seq_append(m, &c, 1);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	seq_append(m, data, len);
}
