// SPDX-License-Identifier: MIT
/* Character, string and block I/O on streams, and perror. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

int fputc(int c, FILE *f)
{
	char ch = (char)c;

	return __stream_write(f, &ch, 1) == 1 ? (unsigned char)ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);

	return __stream_write(f, s, n) == n ? 1 : EOF;
}

/* puts - s and a newline; on an unbuffered stream, in one write like glibc. */
int puts(const char *s)
{
	size_t n = strlen(s);

	if (stdout->mode == _IONBF)
		return dprintf(stdout->fd, "%s\n", s) < 0 ? EOF : 1;
	if (__stream_write(stdout, s, n) != n || __stream_write(stdout, "\n", 1) != 1)
		return EOF;
	return 1;
}

size_t fwrite(const void *restrict ptr, size_t size, size_t count, FILE *restrict f)
{
	size_t total;

	if (!size || !count)
		return 0;
	if (__builtin_mul_overflow(size, count, &total)) {
		errno = EINVAL;
		return 0;
	}
	return __stream_write(f, ptr, total) / size;
}

int fgetc(FILE *f)
{
	if (f->unget != EOF) {
		int c = f->unget;

		f->unget = EOF;
		return c;
	}
	if (f->read_pos == f->read_end && !__stream_fill(f))
		return EOF;
	return (unsigned char)f->buf[f->read_pos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->unget != EOF)
		return EOF;
	f->unget = (unsigned char)c;
	f->flags &= ~FILE_EOF;
	return (unsigned char)c;
}

char *fgets(char *restrict s, int size, FILE *restrict f)
{
	int i = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1) {
		int c = fgetc(f);

		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && size > 1)
		return NULL;
	s[i] = '\0';
	return s;
}

size_t fread(void *restrict ptr, size_t size, size_t count, FILE *restrict f)
{
	unsigned char *out = ptr;
	size_t total, done = 0;

	if (!size || !count || __builtin_mul_overflow(size, count, &total))
		return 0;
	while (done < total) {
		size_t avail;

		if (f->unget != EOF) {
			out[done++] = (unsigned char)fgetc(f);
			continue;
		}
		if (f->read_pos == f->read_end && !__stream_fill(f))
			break;
		avail = f->read_end - f->read_pos;
		if (avail > total - done)
			avail = total - done;
		memcpy(out + done, f->buf + f->read_pos, avail);
		f->read_pos += avail;
		done += avail;
	}
	return done / size;
}

ssize_t getdelim(char **restrict lineptr, size_t *restrict n, int delim, FILE *restrict f)
{
	size_t len = 0;
	int c;

	if (!*lineptr || !*n) {
		*n = 128;
		*lineptr = malloc(*n);
		if (!*lineptr)
			return -1;
	}
	for (;;) {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (len + 2 > *n) {
			char *bigger = realloc(*lineptr, *n * 2);

			if (!bigger)
				return -1;
			*lineptr = bigger;
			*n *= 2;
		}
		(*lineptr)[len++] = (char)c;
		if (c == delim)
			break;
	}
	(*lineptr)[len] = '\0';
	return len ? (ssize_t)len : -1;
}

ssize_t getline(char **restrict lineptr, size_t *restrict n, FILE *restrict f)
{
	return getdelim(lineptr, n, '\n', f);
}

/* perror - "s: message\n" on stderr, or just the message when s is NULL or empty. */
void perror(const char *s)
{
	const char *message = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, message);
	else
		fprintf(stderr, "%s\n", message);
}

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	return errno == EISDIR ? rmdir(path) : -1;
}
