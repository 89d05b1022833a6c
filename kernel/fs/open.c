// SPDX-License-Identifier: MIT
/*
 * Opening files (Linux's fs/open.c and the open half of fs/namei.c):
 * open, openat, access, getcwd, and filp_open for the kernel. The root
 * file system is read-only: anything that would create, truncate or
 * write a file in it fails with -EROFS, as on a read-only mount.
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include "internal.h"

/* Is @inode on the read-only root file system (as opposed to /proc or a device)? */
static bool on_read_only_fs(const struct inode *inode)
{
	return inode->i_dev == ROOTFS_DEV && !S_ISCHR(inode->i_mode);
}

/*
 * The error of O_CREAT on a missing @path: -EROFS when its directory
 * exists on the read-only file system, or the directory's lookup error.
 */
static int create_error(struct inode *root, const char *path)
{
	size_t len = strlen(path);
	char *parent = kmalloc(len + 1, GFP_KERNEL);
	struct inode *dir;
	int error;

	if (!parent)
		return -ENOMEM;
	memcpy(parent, path, len + 1);
	/* strip the last component (and the slashes after it) */
	while (len > 0 && parent[len - 1] == '/')
		len--;
	while (len > 0 && parent[len - 1] != '/')
		len--;
	parent[len] = '\0';
	dir = path_lookup(root, len ? parent : "/", LOOKUP_DIRECTORY, NULL);
	kfree(parent);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	error = on_read_only_fs(dir) ? -EROFS : -EACCES;
	iput(dir);
	return error;
}

/* May @inode be opened with @flags? 0 or -errno (Linux's do_open and may_open). */
static int may_open(struct inode *inode, int flags)
{
	bool write = (flags & O_ACCMODE) != O_RDONLY;

	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if (S_ISDIR(inode->i_mode)) {
		if (write || (flags & O_CREAT))
			return -EISDIR;
		return 0;
	}
	if (flags & O_DIRECTORY)
		return -ENOTDIR;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	if ((write || (flags & O_TRUNC)) && on_read_only_fs(inode))
		return -EROFS;
	return 0;
}

/*
 * Open @path (kernel memory, absolute or from "/") under @root with the
 * O_* @flags. Returns the file (f_count 1) or ERR_PTR(-errno).
 */
struct file *do_filp_open(struct inode *root, const char *path, int flags)
{
	char *canonical = kmalloc(PATH_MAX, GFP_KERNEL);
	struct inode *inode;
	struct file *file;
	int error;

	if (!canonical)
		return ERR_PTR(-ENOMEM);
	inode = path_lookup(root, path, (flags & O_DIRECTORY) ? LOOKUP_DIRECTORY : 0, canonical);
	if (IS_ERR(inode)) {
		error = PTR_ERR(inode);
		if (error == -ENOENT && (flags & O_CREAT))
			error = create_error(root, path);
		goto out;
	}
	error = may_open(inode, flags);
	if (error)
		goto out_iput;
	file = alloc_file(inode, flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC), canonical);
	if (!file) {
		error = -ENOMEM;
		goto out_iput;
	}
	iput(inode);
	kfree(canonical);
	if (file->f_op && file->f_op->open) {
		error = file->f_op->open(inode, file);
		if (error) {
			/* release must not run for a file whose open failed */
			file->f_op = NULL;
			fput(file);
			return ERR_PTR(error);
		}
	}
	return file;
out_iput:
	iput(inode);
out:
	kfree(canonical);
	return ERR_PTR(error);
}

struct file *filp_open(const char *path, int flags)
{
	return do_filp_open(root_inode, path, flags);
}

char *getname_at(int dfd, const char __user *filename, bool allow_empty)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	struct file *dir;
	size_t prefix;
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len >= PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? -EFAULT : -ENAMETOOLONG);
	}
	if (len == 0 && !allow_empty) {
		kfree(name);
		return ERR_PTR(-ENOENT);
	}
	if (name[0] == '/' || dfd == AT_FDCWD || len == 0)
		return name;
	/* relative to a directory descriptor: prefix the path it was opened by */
	dir = dfd >= 0 ? fget(dfd) : NULL;
	if (!dir) {
		kfree(name);
		return ERR_PTR(-EBADF);
	}
	if (!S_ISDIR(file_inode(dir)->i_mode) || !dir->f_path) {
		fput(dir);
		kfree(name);
		return ERR_PTR(-ENOTDIR);
	}
	prefix = strlen(dir->f_path);
	if (prefix + 1 + len >= PATH_MAX) {
		fput(dir);
		kfree(name);
		return ERR_PTR(-ENAMETOOLONG);
	}
	memmove(name + prefix + 1, name, len + 1);
	memcpy(name, dir->f_path, prefix);
	name[prefix] = '/';
	fput(dir);
	return name;
}

/* open/openat: a new descriptor for @filename, or -errno. */
static long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *name = getname_at(dfd, filename, false);
	struct file *file;
	int fd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		kfree(name);
		return fd;
	}
	/* x86-64 opens every file as large (Linux's force_o_largefile) */
	file = do_filp_open(root_inode, name, flags | O_LARGEFILE);
	kfree(name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd_install(fd, file);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

struct inode *user_path_at(int dfd, const char __user *filename)
{
	char *name = getname_at(dfd, filename, false);
	struct inode *inode;

	if (IS_ERR(name))
		return ERR_CAST(name);
	inode = path_lookup(root_inode, name, 0, NULL);
	kfree(name);
	return inode;
}

/* access: 0 if the file exists and @mode (R_OK | W_OK | X_OK, or F_OK) would be granted to root. */
SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	struct inode *inode;
	int error = 0;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	inode = user_path_at(AT_FDCWD, filename);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if ((mode & W_OK) && on_read_only_fs(inode))
		error = -EROFS;
	/* root may execute only what has an x bit, or search any directory */
	else if ((mode & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & S_IXUGO))
		error = -EACCES;
	iput(inode);
	return error;
}

/* getcwd: every task's working directory is "/". Returns the length with the NUL. */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	if (size < 2)
		return -ERANGE;
	if (copy_to_user(buf, "/", 2))
		return -EFAULT;
	return 2;
}
