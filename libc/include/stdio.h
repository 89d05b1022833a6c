/* SPDX-License-Identifier: MIT */
/*
 * Buffered streams, glibc's way: stdout's buffer is malloc'd at its first
 * output (after an fstat of the descriptor), line-buffered on a terminal
 * and fully buffered otherwise; stderr is unbuffered; exit() flushes.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

#define BUFSIZ		8192
#define EOF		(-1)
#define FILENAME_MAX	4096
#define FOPEN_MAX	16

#define _IOFBF		0	/* fully buffered */
#define _IOLBF		1	/* line buffered */
#define _IONBF		2	/* unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef struct _libc_file FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin	stdin
#define stdout	stdout
#define stderr	stderr

int printf(const char *restrict fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict stream, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *restrict fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int asprintf(char **strp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char *restrict fmt, va_list args);
int vfprintf(FILE *restrict stream, const char *restrict fmt, va_list args);
int vdprintf(int fd, const char *restrict fmt, va_list args);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list args);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list args);
int vasprintf(char **strp, const char *fmt, va_list args);

int putchar(int c);
int puts(const char *s);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int fputs(const char *restrict s, FILE *restrict stream);
size_t fwrite(const void *restrict ptr, size_t size, size_t count, FILE *restrict stream);

int getchar(void);
int fgetc(FILE *stream);
int getc(FILE *stream);
int ungetc(int c, FILE *stream);
char *fgets(char *restrict s, int size, FILE *restrict stream);
size_t fread(void *restrict ptr, size_t size, size_t count, FILE *restrict stream);
ssize_t getline(char **restrict lineptr, size_t *restrict n, FILE *restrict stream);
ssize_t getdelim(char **restrict lineptr, size_t *restrict n, int delim, FILE *restrict stream);

FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *stream);
int fflush(FILE *stream);
int fileno(FILE *stream);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
int setvbuf(FILE *restrict stream, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict stream, char *restrict buf);
int fseek(FILE *stream, long offset, int whence);
long ftell(FILE *stream);
void rewind(FILE *stream);

void perror(const char *s);
int remove(const char *path);
int rename(const char *oldpath, const char *newpath);

#endif
