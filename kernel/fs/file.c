// SPDX-License-Identifier: MIT
/*
 * The descriptor table (Linux's fs/file.c): current->files[fd] points at
 * an open file and holds one reference to it. close, dup and dup2.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include "internal.h"

/*
 * The lowest free descriptor of current, or -EMFILE: none is free below
 * RLIMIT_NOFILE or the table's NR_OPEN_DEFAULT slots (Linux alloc_fd).
 */
int get_unused_fd(void)
{
	unsigned long end = min(rlimit(RLIMIT_NOFILE), (unsigned long)NR_OPEN_DEFAULT);

	for (unsigned int fd = 0; fd < end; fd++)
		if (!current->files[fd])
			return fd;
	return -EMFILE;
}

/* Takes over the caller's reference to @file. Returns the descriptor or -EMFILE. */
int fd_install_lowest(struct file *file)
{
	int fd = get_unused_fd();

	if (fd >= 0)
		current->files[fd] = file;
	return fd;
}

/* Current's open file @fd with a reference taken (fput() it), or NULL. */
struct file *fget(unsigned int fd)
{
	struct file *file;

	if (fd >= NR_OPEN_DEFAULT)
		return NULL;
	file = current->files[fd];
	if (file)
		get_file(file);
	return file;
}

/* Close descriptor @fd of current: 0 or -EBADF. */
static int close_fd(unsigned int fd)
{
	struct file *file;

	if (fd >= NR_OPEN_DEFAULT || !current->files[fd])
		return -EBADF;
	file = current->files[fd];
	current->files[fd] = NULL;
	fput(file);
	return 0;
}

/* Close every descriptor of current (exit). */
void close_files(void)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (current->files[fd])
			close_fd(fd);
}

/* Assumes @child's table is empty; it shares current's open files (and their positions). */
void dup_files(struct task_struct *child)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = current->files[fd];

		if (file)
			get_file(file);
		child->files[fd] = file;
	}
}

/* close(2): 0 or -EBADF. */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/* dup(2): the lowest free descriptor now naming @fildes's file, or -EBADF/-EMFILE. */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = fd_install_lowest(file);
	if (fd < 0)
		fput(file);
	return fd;
}

/* dup2(2): make @newfd name @oldfd's file (closing @newfd first); @newfd or -EBADF (also at RLIMIT_NOFILE). */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *file;

	if (oldfd >= NR_OPEN_DEFAULT || !current->files[oldfd])
		return -EBADF;
	if (newfd >= NR_OPEN_DEFAULT || newfd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	file = fget(oldfd);
	if (current->files[newfd])
		close_fd(newfd);
	current->files[newfd] = file;
	return newfd;
}
