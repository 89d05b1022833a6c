// SPDX-License-Identifier: MIT
/*
 * read, write, writev and lseek (Linux's fs/read_write.c), kernel_read,
 * and the helpers file systems build their read and lseek from.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include "internal.h"

#define UIO_MAXIOV	1024	/* most iovecs in one writev, as Linux's */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

size_t copy_to_iter(const void *from, size_t bytes, struct iov_iter *iter)
{
	size_t copied;

	bytes = min(bytes, iter->count);
	if (iter->kernel) {
		memcpy(iter->kbuf, from, bytes);
		copied = bytes;
	} else {
		copied = bytes - copy_to_user(iter->ubuf, from, bytes);
	}
	iter->kbuf += copied;	/* the same pointer as ubuf */
	iter->count -= copied;
	return copied;
}

/*
 * Copy from @size bytes at @from, starting at *@pos, into @to.
 * Returns the bytes copied (0 at or past the end), or -EFAULT when the
 * destination faults before any byte; advances *@pos.
 */
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *pos, const void *from, size_t size)
{
	size_t available, copied;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= size || !to->count)
		return 0;
	available = size - *pos;
	copied = copy_to_iter((const char *)from + *pos, available, to);
	if (!copied)
		return -EFAULT;
	*pos += copied;
	return copied;
}

/*
 * lseek where the end is unknown (Linux's seq_lseek): SEEK_SET and SEEK_CUR
 * only. Used by /proc files and by directories, whose positions are the
 * ones getdents64 hands out.
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/* lseek over a file of i_size bytes; positions past the end are allowed, as Linux's. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file_inode(file)->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &offset) || offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/* Read checks shared by read(2) and kernel_read: 0 or -errno. */
static int read_permitted(struct file *file)
{
	if (!file_readable(file))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || (!file->f_op->read_iter && !file->f_op->read))
		return -EINVAL;
	return 0;
}

ssize_t vfs_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	int error = read_permitted(file);

	if (error)
		return error;
	if (!file->f_op->read_iter)
		return -EINVAL;
	return file->f_op->read_iter(file, to, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter to = { .kernel = true, .kbuf = buf, .count = min_t(size_t, count, MAX_RW_COUNT) };

	return vfs_read_iter(file, &to, pos);
}

/* read(2) into user memory at @buf. */
static ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	int error = read_permitted(file);

	if (error)
		return error;
	if (!access_ok(buf, count))
		return -EFAULT;
	count = min_t(size_t, count, MAX_RW_COUNT);
	if (file->f_op->read_iter) {
		struct iov_iter to = { .kernel = false, .ubuf = buf, .count = count };

		return file->f_op->read_iter(file, &to, pos);
	}
	return file->f_op->read(file, buf, count, pos);
}

static ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	if (!file_writable(file))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	count = min_t(size_t, count, MAX_RW_COUNT);
	return file->f_op->write(file, buf, count, pos);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_read(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_write(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

/*
 * As Linux's import_iovec, before anything is written: a negative length is
 * -EINVAL, a segment outside user space -EFAULT.
 */
static int check_iovecs(const struct iovec *iov, unsigned long count)
{
	for (unsigned long i = 0; i < count; i++)
		if ((ssize_t)iov[i].iov_len < 0)
			return -EINVAL;
	for (unsigned long i = 0; i < count; i++)
		if (!access_ok(iov[i].iov_base, iov[i].iov_len))
			return -EFAULT;
	return 0;
}

/* Write the buffers of @iov in order; stops at the first short write or error. */
static ssize_t do_writev(struct file *file, const struct iovec *iov, int iovcnt)
{
	ssize_t total = 0;

	for (int i = 0; i < iovcnt; i++) {
		size_t len = min_t(size_t, iov[i].iov_len, MAX_RW_COUNT - total);
		ssize_t ret;

		if (!len)
			continue;
		ret = vfs_write(file, iov[i].iov_base, len, &file->f_pos);
		if (ret < 0)
			return total ? total : ret;
		total += ret;
		if ((size_t)ret < len || total >= MAX_RW_COUNT)
			break;
	}
	return total;
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	struct iovec *iov;
	struct file *file;
	ssize_t ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!file_writable(file) || vlen > UIO_MAXIOV || !vlen) {
		ret = !file_writable(file) ? -EBADF : vlen ? -EINVAL : 0;
		fput(file);
		return ret;
	}
	iov = kmalloc(vlen * sizeof(*iov), GFP_KERNEL);
	ret = -ENOMEM;
	if (iov) {
		ret = -EFAULT;
		if (!copy_from_user(iov, vec, vlen * sizeof(*iov))) {
			ret = check_iovecs(iov, vlen);
			if (!ret)
				ret = do_writev(file, iov, vlen);
		}
		kfree(iov);
	}
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	if (whence > SEEK_END)
		ret = -EINVAL;
	else if (!file->f_op || !file->f_op->llseek)
		ret = -ESPIPE;
	else
		ret = file->f_op->llseek(file, offset, whence);
	fput(file);
	return ret;
}
