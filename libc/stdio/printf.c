// SPDX-License-Identifier: MIT
/* The printf family: each one feeds __libc_vformat's output somewhere. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "format.h"
#include "stdio_impl.h"

/* A string of size bytes: keeps what fits, always NUL-terminated when size > 0. */
struct string_sink {
	char *buf;
	size_t size;
	size_t len;
};

static void string_emit(void *ctx, const char *s, size_t n)
{
	struct string_sink *sink = ctx;

	if (sink->len + 1 < sink->size) {
		size_t room = sink->size - 1 - sink->len;

		memcpy(sink->buf + sink->len, s, n < room ? n : room);
	}
	sink->len += n;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list args)
{
	struct string_sink sink = { .buf = buf, .size = size, .len = 0 };
	int n = __libc_vformat(string_emit, &sink, fmt, args);

	if (size)
		buf[sink.len < size ? sink.len : size - 1] = '\0';
	return n;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list args)
{
	return vsnprintf(buf, SIZE_MAX / 2, fmt, args);
}

int vasprintf(char **strp, const char *fmt, va_list args)
{
	va_list copy;
	int n;

	va_copy(copy, args);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	*strp = malloc((size_t)n + 1);
	if (!*strp)
		return -1;
	return vsnprintf(*strp, (size_t)n + 1, fmt, args);
}

/*
 * Output gathered in a small buffer and written in as few write() calls
 * as possible: for unbuffered streams (stderr) and dprintf, as glibc
 * does, so one fprintf(stderr, ...) is one write.
 */
struct gather_sink {
	int fd;
	bool failed;
	size_t len;
	char buf[1024];
};

static void gather_flush(struct gather_sink *sink)
{
	size_t done = 0;

	while (done < sink->len && !sink->failed) {
		ssize_t n = write(sink->fd, sink->buf + done, sink->len - done);

		if (n < 0 && errno != EINTR)
			sink->failed = true;
		else if (n > 0)
			done += n;
	}
	sink->len = 0;
}

static void gather_emit(void *ctx, const char *s, size_t n)
{
	struct gather_sink *sink = ctx;

	while (n) {
		size_t room = sizeof(sink->buf) - sink->len;
		size_t step = n < room ? n : room;

		memcpy(sink->buf + sink->len, s, step);
		sink->len += step;
		s += step;
		n -= step;
		if (sink->len == sizeof(sink->buf))
			gather_flush(sink);
	}
}

int vdprintf(int fd, const char *restrict fmt, va_list args)
{
	struct gather_sink sink = { .fd = fd };
	int n = __libc_vformat(gather_emit, &sink, fmt, args);

	gather_flush(&sink);
	return sink.failed ? -1 : n;
}

struct stream_sink {
	FILE *f;
	bool failed;
};

static void stream_emit(void *ctx, const char *s, size_t n)
{
	struct stream_sink *sink = ctx;

	if (!sink->failed && __stream_write(sink->f, s, n) != n)
		sink->failed = true;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list args)
{
	struct stream_sink sink = { .f = f };
	int n;

	if (f->mode == _IONBF && (f->flags & FILE_WRITE)) {
		n = vdprintf(f->fd, fmt, args);
		if (n < 0)
			f->flags |= FILE_ERROR;
		return n;
	}
	n = __libc_vformat(stream_emit, &sink, fmt, args);
	return sink.failed ? -1 : n;
}

int vprintf(const char *restrict fmt, va_list args)
{
	return vfprintf(stdout, fmt, args);
}

int printf(const char *restrict fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vfprintf(stdout, fmt, args);
	va_end(args);
	return n;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vfprintf(f, fmt, args);
	va_end(args);
	return n;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vdprintf(fd, fmt, args);
	va_end(args);
	return n;
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsprintf(buf, fmt, args);
	va_end(args);
	return n;
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int asprintf(char **strp, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vasprintf(strp, fmt, args);
	va_end(args);
	return n;
}
