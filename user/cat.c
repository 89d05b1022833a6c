// SPDX-License-Identifier: MIT
/*
 * cat - copies each FILE (or standard input, also for "-") to standard
 * output. Exit status 1 if a file could not be opened or read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* write_all - writes the len bytes of buf to fd. Returns 0, or -1 on error. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* copy_fd - copies fd to standard output until its end. Returns 0 or -1 (errno set). */
static int copy_fd(int fd)
{
	static char buf[4096];

	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
			return -1;
	}
}

/* cat_file - cats one name ("-" is stdin). Returns 0, or 1 after printing the error. */
static int cat_file(const char *name)
{
	int fd = STDIN_FILENO;
	int ret;

	if (strcmp(name, "-")) {
		fd = open(name, O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return 1;
		}
	}
	ret = copy_fd(fd);
	if (ret < 0)
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
	if (fd != STDIN_FILENO)
		close(fd);
	return ret < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return cat_file("-");
	for (int i = 1; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
