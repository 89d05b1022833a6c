// SPDX-License-Identifier: MIT
/* Directory streams: getdents64 fills a buffer, readdir walks its records. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct _libc_dir {
	int fd;
	size_t position;	/* next record in buf */
	size_t length;		/* bytes getdents64 put in buf */
	char buf[4096] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *dir = malloc(sizeof(*dir));

	if (!dir)
		return NULL;
	dir->fd = fd;
	dir->position = dir->length = 0;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir)
		close(fd);
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	struct dirent *entry;

	if (dir->position >= dir->length) {
		ssize_t n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (n <= 0)
			return NULL;
		dir->length = n;
		dir->position = 0;
	}
	entry = (struct dirent *)(dir->buf + dir->position);
	dir->position += entry->d_reclen;
	return entry;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
