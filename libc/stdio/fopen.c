// SPDX-License-Identifier: MIT
/* Opening, closing and positioning streams. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

extern FILE *__stdio_files;

/* open() flags for an fopen mode string, or -1 (EINVAL). */
static int mode_flags(const char *mode)
{
	int flags;

	switch (mode[0]) {
	case 'r':
		flags = O_RDONLY;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (mode++; *mode; mode++) {
		if (*mode == '+')
			flags = (flags & ~O_ACCMODE) | O_RDWR;
		else if (*mode == 'e')
			flags |= O_CLOEXEC;
		else if (*mode == 'x')
			flags |= O_EXCL;
	}
	return flags;
}

FILE *fdopen(int fd, const char *mode)
{
	int flags = mode_flags(mode);
	FILE *f;

	if (flags < 0)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fd = fd;
	f->mode = MODE_UNDECIDED;
	f->unget = EOF;
	if ((flags & O_ACCMODE) != O_WRONLY)
		f->flags |= FILE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		f->flags |= FILE_WRITE;
	f->next = __stdio_files;
	__stdio_files = f;
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int flags = mode_flags(mode);
	int fd;
	FILE *f;

	if (flags < 0)
		return NULL;
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	int ret = fflush(f);
	FILE **link;

	if (close(f->fd) < 0)
		ret = EOF;
	if (f->flags & FILE_OWN_BUF)
		free(f->buf);
	f->buf = NULL;
	f->flags &= ~FILE_OWN_BUF;
	if (f->flags & FILE_STATIC)
		return ret;
	for (link = &__stdio_files; *link; link = &(*link)->next) {
		if (*link == f) {
			*link = f->next;
			break;
		}
	}
	free(f);
	return ret;
}

int fseek(FILE *f, long offset, int whence)
{
	if (fflush(f) || lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~FILE_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos - (off_t)(f->read_end - f->read_pos) - (f->unget != EOF) +
	       (off_t)f->write_end;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	clearerr(f);
}
