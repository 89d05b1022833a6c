// SPDX-License-Identifier: MIT
/*
 * The descriptor table (Linux's fs/file.c): current->files[fd] points at
 * an open file and holds one reference to it; bit fd of
 * current->close_on_exec is the descriptor's FD_CLOEXEC flag. Every new
 * descriptor comes from alloc_fd. close, dup, dup2, dup3.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include "internal.h"

static void set_close_on_exec(unsigned int fd, bool on)
{
	if (on)
		current->close_on_exec |= 1UL << fd;
	else
		current->close_on_exec &= ~(1UL << fd);
}

static bool close_on_exec(unsigned int fd)
{
	return current->close_on_exec & (1UL << fd);
}

/*
 * The lowest free descriptor >= @start of current, its FD_CLOEXEC flag set
 * from O_CLOEXEC in @flags; or -EMFILE (Linux's alloc_fd). The one place
 * descriptors are chosen: open, dup, fcntl(F_DUPFD) and pipe come here.
 * The slot stays free until fd_install fills it.
 */
int alloc_fd(unsigned int start, unsigned int flags)
{
	/* none at or above RLIMIT_NOFILE, nor past the table's NR_OPEN_DEFAULT slots */
	unsigned long end = min(rlimit(RLIMIT_NOFILE), (unsigned long)NR_OPEN_DEFAULT);

	for (unsigned int fd = start; fd < end; fd++) {
		if (!current->files[fd]) {
			set_close_on_exec(fd, flags & O_CLOEXEC);
			return fd;
		}
	}
	return -EMFILE;
}

/* The lowest free descriptor of current (Linux's get_unused_fd_flags). */
int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

/* Put @file (the caller's reference) at descriptor @fd, which alloc_fd returned. */
void fd_install(unsigned int fd, struct file *file)
{
	current->files[fd] = file;
}

/* Takes over the caller's reference to @file. Returns the descriptor or -EMFILE. */
int fd_install_lowest(struct file *file)
{
	int fd = get_unused_fd_flags(0);

	if (fd >= 0)
		fd_install(fd, file);
	return fd;
}

/* Current's open file @fd with a reference taken (fput it), or NULL. */
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
	set_close_on_exec(fd, false);
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

/* Close the descriptors marked FD_CLOEXEC (execve, past its point of no return). */
void do_close_on_exec(void)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (current->files[fd] && close_on_exec(fd))
			close_fd(fd);
}

/*
 * Assumes @child's table is empty; it shares current's open files (and
 * their positions) and gets the same FD_CLOEXEC flags.
 */
void dup_files(struct task_struct *child)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = current->files[fd];

		if (file)
			get_file(file);
		child->files[fd] = file;
	}
	child->close_on_exec = current->close_on_exec;
}

/* FD_CLOEXEC of descriptor @fd (fcntl F_GETFD/F_SETFD); @fd must be open. */
int get_close_on_exec(unsigned int fd)
{
	return close_on_exec(fd) ? FD_CLOEXEC : 0;
}

void set_fd_flags(unsigned int fd, unsigned long arg)
{
	set_close_on_exec(fd, arg & FD_CLOEXEC);
}

/*
 * A new descriptor >= @start for @file (referenced here) with O_CLOEXEC
 * from @flags: dup and fcntl(F_DUPFD). The descriptor, -EMFILE, or
 * -EINVAL for a @start at or above RLIMIT_NOFILE.
 */
int f_dupfd(unsigned int start, struct file *file, unsigned int flags)
{
	int fd;

	if (start >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = alloc_fd(start, flags);

	if (fd >= 0) {
		get_file(file);
		fd_install(fd, file);
	}
	return fd;
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
	fd = f_dupfd(0, file, 0);
	fput(file);
	return fd;
}

/*
 * dup2 and dup3: make @newfd name @oldfd's file, closing what @newfd
 * named; -EBADF for a @newfd at or above RLIMIT_NOFILE.
 */
static int do_dup2(unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct file *file;

	if (oldfd >= NR_OPEN_DEFAULT || !current->files[oldfd])
		return -EBADF;
	if (newfd >= NR_OPEN_DEFAULT || newfd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	file = fget(oldfd);
	if (current->files[newfd])
		close_fd(newfd);
	fd_install(newfd, file);
	set_close_on_exec(newfd, flags & O_CLOEXEC);
	return newfd;
}

/* dup2(2): @newfd (now without FD_CLOEXEC), or -EBADF; @oldfd == @newfd changes nothing. */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd)
		return oldfd < NR_OPEN_DEFAULT && current->files[oldfd] ? (long)newfd : -EBADF;
	return do_dup2(oldfd, newfd, 0);
}

/* dup3(2): dup2 with O_CLOEXEC as the only flag; @oldfd == @newfd is -EINVAL. */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, flags);
}
