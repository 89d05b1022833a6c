// SPDX-License-Identifier: MIT
/* ioctl (Linux's fs/ioctl.c): handed to the file; -ENOTTY for files without one. */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = file->f_op && file->f_op->unlocked_ioctl ?
	      file->f_op->unlocked_ioctl(file, cmd, arg) : -ENOTTY;
	fput(file);
	return ret;
}
