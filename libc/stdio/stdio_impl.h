/* SPDX-License-Identifier: MIT */
/* The FILE structure and the stream primitives the stdio functions share. */
#ifndef _LIBC_STDIO_IMPL_H
#define _LIBC_STDIO_IMPL_H

#include <stdbool.h>
#include <stdio.h>

#define FILE_READ	0x01	/* opened for reading */
#define FILE_WRITE	0x02	/* opened for writing */
#define FILE_EOF	0x04
#define FILE_ERROR	0x08
#define FILE_OWN_BUF	0x10	/* buf came from malloc */
#define FILE_STATIC	0x20	/* stdin/stdout/stderr: never freed */

#define MODE_UNDECIDED	(-1)	/* decided with the buffer, at first use */

struct _libc_file {
	int fd;
	int flags;
	int mode;		/* _IOFBF, _IOLBF, _IONBF or MODE_UNDECIDED */
	char *buf;
	size_t size;
	size_t write_end;	/* bytes waiting in buf to be written */
	size_t read_pos;	/* buf[read_pos..read_end) not yet read */
	size_t read_end;
	int unget;		/* one pushed-back char, or EOF */
	char short_buf[1];	/* the read buffer of an unbuffered stream */
	struct _libc_file *next;	/* every open stream, for exit and fflush(NULL) */
};

/* Write n bytes through the stream's buffering; returns the count taken. */
size_t __stream_write(FILE *f, const char *data, size_t n);
/* Read more into the buffer; false at end of file or on error. */
bool __stream_fill(FILE *f);
/* Flush stdio at exit. */
void __stdio_exit(void);

#endif
