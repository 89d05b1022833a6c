// SPDX-License-Identifier: MIT
/*
 * fcntl (Linux's fs/fcntl.c): duplicate a descriptor (F_DUPFD,
 * F_DUPFD_CLOEXEC), its FD_CLOEXEC flag (F_GETFD, F_SETFD), the open
 * file's status flags (F_GETFL, F_SETFL), a pipe's capacity
 * (F_GETPIPE_SZ). Other commands (record locks, owners, leases) are
 * -EINVAL here.
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

/* The status flags F_SETFL may change; the others (access mode...) stay (Linux's SETFL_MASK). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME)

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN_DEFAULT)
			return -EINVAL;
		return f_dupfd(arg, filp, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
	case F_GETFD:
		return get_close_on_exec(fd);
	case F_SETFD:
		set_fd_flags(fd, arg);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
		return 0;
	case F_GETPIPE_SZ:
		return pipe_fcntl_size(filp);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget(fd);
	long err;

	if (!filp)
		return -EBADF;
	err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}
