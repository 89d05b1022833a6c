// SPDX-License-Identifier: MIT
/* fstat, stat, lstat, newfstatat (Linux's fs/stat.c), with x86-64's struct stat. */
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/page.h>
#include "internal.h"

/* Fill @st from @inode, as Linux's generic_fillattr and cp_new_stat. */
static void generic_fillattr(const struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(inode->i_dev);
	st->st_ino = inode->i_ino;
	st->st_nlink = inode->i_nlink;
	st->st_mode = inode->i_mode;
	st->st_uid = inode->i_uid;
	st->st_gid = inode->i_gid;
	st->st_rdev = new_encode_dev(inode->i_rdev);
	st->st_size = inode->i_size;
	st->st_blksize = PAGE_SIZE;
	/* a regular file occupies whole pages, as in Linux's ramfs */
	st->st_blocks = S_ISREG(inode->i_mode) ? ALIGN(inode->i_size, PAGE_SIZE) / 512 : 0;
	st->st_atime = st->st_mtime = st->st_ctime = inode->i_mtime;
}

static long cp_new_stat(const struct inode *inode, struct stat __user *statbuf)
{
	struct stat st;

	generic_fillattr(inode, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long vfs_fstat(unsigned int fd, struct stat __user *statbuf)
{
	struct file *file = fget(fd);
	long error;

	if (!file)
		return -EBADF;
	error = cp_new_stat(file_inode(file), statbuf);
	fput(file);
	return error;
}

/* stat of @filename relative to @dfd; @flags AT_EMPTY_PATH (and the no-ops) only. */
static long vfs_fstatat(int dfd, const char __user *filename, struct stat __user *statbuf,
			int flags)
{
	struct inode *inode;
	char *name;
	long error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname_at(dfd, filename, flags & AT_EMPTY_PATH);
	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!name[0] && dfd != AT_FDCWD) {
		kfree(name);
		return vfs_fstat(dfd, statbuf);
	}
	inode = path_lookup(root_inode, name[0] ? name : "/", 0, NULL);
	kfree(name);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	error = cp_new_stat(inode, statbuf);
	iput(inode);
	return error;
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	return vfs_fstat(fd, statbuf);
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, 0);
}

/* There are no symbolic links, so lstat is stat. */
SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return vfs_fstatat(dfd, filename, statbuf, flag);
}

/*
 * readlink/readlinkat (Linux's do_readlinkat): the target of symbolic link
 * @pathname, cut to @bufsiz bytes, no NUL added; the bytes copied, or
 * -EINVAL (not a link, or @bufsiz <= 0), -ENOENT, -EFAULT...
 */
static long do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct inode *inode;
	char *target;
	long len;

	if (bufsiz <= 0)
		return -EINVAL;
	inode = user_path_at(dfd, pathname);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	len = -EINVAL;
	target = NULL;
	if (S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->get_link) {
		target = kmalloc(PATH_MAX, GFP_KERNEL);
		len = target ? inode->i_op->get_link(inode, target, PATH_MAX) : -ENOMEM;
	}
	if (len >= 0) {
		len = min_t(long, len, bufsiz);
		if (copy_to_user(buf, target, len))
			len = -EFAULT;
	}
	kfree(target);
	iput(inode);
	return len;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}
