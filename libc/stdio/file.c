// SPDX-License-Identifier: MIT
/*
 * Stream buffering as glibc does it (libio's _IO_file_doallocate,
 * _IO_new_file_xsputn, _IO_new_file_underflow): a stream's buffer is
 * malloc'd at its first use after an fstat of its descriptor; the size is
 * the descriptor's st_blksize when smaller than BUFSIZ; a character device
 * that is a terminal (a pts major number, or TCGETS works) makes it line
 * buffered; stderr is unbuffered. So a first printf traces as
 * fstat(1, ...), brk(...), write(1, ...).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "stdio_impl.h"

/* Linux's Unix98 pty slaves (Documentation/admin-guide/devices.txt); glibc's DEV_TTY_P. */
#define PTY_SLAVE_MAJOR_LOW	136
#define PTY_SLAVE_MAJOR_HIGH	143

static FILE stderr_file = {
	.fd = 2, .flags = FILE_WRITE | FILE_STATIC, .mode = _IONBF, .unget = EOF,
};
static FILE stdout_file = {
	.fd = 1, .flags = FILE_WRITE | FILE_STATIC, .mode = MODE_UNDECIDED, .unget = EOF,
	.next = &stderr_file,
};
static FILE stdin_file = {
	.fd = 0, .flags = FILE_READ | FILE_STATIC, .mode = MODE_UNDECIDED, .unget = EOF,
	.next = &stdout_file,
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;
FILE *__stdio_files = &stdin_file;

/* Unbuffered: writes go straight out, reads come one byte at a time. */
static void set_unbuffered(FILE *f)
{
	f->mode = _IONBF;
	f->buf = f->short_buf;
	f->size = 1;
}

/* Allocate f's buffer and settle its mode (glibc's _IO_file_doallocate). */
static void stream_allocate(FILE *f)
{
	size_t size = BUFSIZ;
	bool terminal = false;
	struct stat st;

	if (fstat(f->fd, &st) >= 0) {
		if (S_ISCHR(st.st_mode)) {
			unsigned int dev_major = major(st.st_rdev);

			terminal = (dev_major >= PTY_SLAVE_MAJOR_LOW &&
				    dev_major <= PTY_SLAVE_MAJOR_HIGH) || isatty(f->fd);
		}
		if (st.st_blksize > 0 && st.st_blksize < BUFSIZ)
			size = st.st_blksize;
	}
	if (f->mode == MODE_UNDECIDED)
		f->mode = terminal ? _IOLBF : _IOFBF;
	f->buf = malloc(size);
	if (!f->buf) {
		set_unbuffered(f);
		return;
	}
	f->size = size;
	f->flags |= FILE_OWN_BUF;
}

/* write() all of data, retrying short writes; false on error. */
static bool write_all(FILE *f, const char *data, size_t n)
{
	while (n) {
		ssize_t done = write(f->fd, data, n);

		if (done < 0) {
			if (errno == EINTR)
				continue;
			f->flags |= FILE_ERROR;
			return false;
		}
		data += done;
		n -= done;
	}
	return true;
}

/* Write out what waits in the buffer. Returns 0 or EOF. */
static int flush_write(FILE *f)
{
	size_t pending = f->write_end;

	f->write_end = 0;
	return pending && !write_all(f, f->buf, pending) ? EOF : 0;
}

/* Drop read-ahead, moving the descriptor back to where the reader is. */
static void drop_read_ahead(FILE *f)
{
	off_t unread = (off_t)(f->read_end - f->read_pos) + (f->unget != EOF);

	if (unread)
		lseek(f->fd, -unread, SEEK_CUR);
	f->read_pos = f->read_end = 0;
	f->unget = EOF;
}

size_t __stream_write(FILE *f, const char *data, size_t n)
{
	size_t taken = 0;

	if (!(f->flags & FILE_WRITE)) {
		f->flags |= FILE_ERROR;
		errno = EBADF;
		return 0;
	}
	if (f->read_end || f->unget != EOF)
		drop_read_ahead(f);
	if (f->mode == _IONBF)
		return write_all(f, data, n) ? n : 0;
	if (!f->buf)
		stream_allocate(f);
	if (f->mode == _IONBF)	/* no memory for a buffer */
		return write_all(f, data, n) ? n : 0;

	if (f->mode == _IOLBF) {
		/* Up to the last newline goes out now; the rest waits. */
		const char *newline = memrchr(data, '\n', n);

		if (newline) {
			size_t line = newline + 1 - data;

			if (f->write_end + line <= f->size) {
				memcpy(f->buf + f->write_end, data, line);
				f->write_end += line;
				if (flush_write(f))
					return 0;
			} else if (flush_write(f) || !write_all(f, data, line)) {
				return 0;
			}
			taken = line;
		}
	}
	if (f->write_end + (n - taken) > f->size && flush_write(f))
		return taken;
	if (n - taken >= f->size)
		return write_all(f, data + taken, n - taken) ? n : taken;
	memcpy(f->buf + f->write_end, data + taken, n - taken);
	f->write_end += n - taken;
	return n;
}

/*
 * __stream_fill - read more into f's buffer. Before a terminal read,
 * a line-buffered stdout is flushed so that a prompt shows (glibc's
 * underflow does the same). Returns false at end of file or on error.
 */
bool __stream_fill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & FILE_READ)) {
		f->flags |= FILE_ERROR;
		errno = EBADF;
		return false;
	}
	if (f->write_end)
		flush_write(f);
	if (!f->buf) {
		if (f->mode == _IONBF)
			set_unbuffered(f);
		else
			stream_allocate(f);
	}
	if (f->mode != _IOFBF && stdout->mode == _IOLBF && stdout->write_end)
		flush_write(stdout);
	do {
		n = read(f->fd, f->buf, f->size);
	} while (n < 0 && errno == EINTR);
	if (n <= 0) {
		f->flags |= n ? FILE_ERROR : FILE_EOF;
		return false;
	}
	f->read_pos = 0;
	f->read_end = n;
	return true;
}

int fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = __stdio_files; f; f = f->next)
			if (fflush(f))
				ret = EOF;
		return ret;
	}
	if (f->write_end)
		return flush_write(f);
	if (f->read_end || f->unget != EOF)
		drop_read_ahead(f);
	return 0;
}

void __stdio_exit(void)
{
	fflush(NULL);
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	if (f->flags & FILE_OWN_BUF)
		free(f->buf);
	f->flags &= ~FILE_OWN_BUF;
	f->buf = NULL;
	f->size = 0;
	f->mode = mode;
	if (mode == _IONBF) {
		set_unbuffered(f);
	} else if (buf && size) {
		f->buf = buf;
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *f)
{
	return f->fd;
}

int feof(FILE *f)
{
	return !!(f->flags & FILE_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & FILE_ERROR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(FILE_EOF | FILE_ERROR);
}
