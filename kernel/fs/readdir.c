// SPDX-License-Identifier: MIT
/* getdents64 (Linux's fs/readdir.c): directory entries as linux_dirent64 records. */
#include <linux/fs.h>
#include <linux/dirent.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include "internal.h"

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *current_dir;	/* where the next record goes */
	size_t count;			/* room left */
	int error;
};

/* Append one record; false when it does not fit or the copy faults. */
static bool filldir64(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namelen + 1, 8);
	char record[ALIGN(offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1, 8)];
	struct linux_dirent64 *dirent = (struct linux_dirent64 *)record;

	if (namelen > NAME_MAX || reclen > buf->count) {
		buf->error = -EINVAL;	/* "result buffer too small", if nothing was written */
		return false;
	}
	memset(record, 0, reclen);
	dirent->d_ino = ino;
	dirent->d_off = offset;
	dirent->d_reclen = reclen;
	dirent->d_type = d_type;
	memcpy(dirent->d_name, name, namelen);
	if (copy_to_user(buf->current_dir, record, reclen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = (char __user *)dirent,
		.count = count,
	};
	struct file *file;
	long ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!file->f_op || !file->f_op->iterate_shared) {
		fput(file);
		return -ENOTDIR;
	}
	buf.ctx.pos = file->f_pos;
	ret = file->f_op->iterate_shared(file, &buf.ctx);
	file->f_pos = buf.ctx.pos;
	if (ret >= 0)
		ret = count - buf.count;
	if (ret == 0)
		ret = buf.error;
	fput(file);
	return ret;
}
