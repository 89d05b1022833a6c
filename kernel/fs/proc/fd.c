// SPDX-License-Identifier: MIT
/*
 * /proc/PID/fd (Linux's fs/proc/fd.c): one symbolic link per open
 * descriptor of the task, named by its number, whose target is what the
 * descriptor names: the absolute path the file was opened by, or
 * "pipe:[INODE]" for a pipe end. readlink reads them; `ls -l` shows them.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include "internal.h"

#define PROC_FD_INO	0x10000000UL	/* fd links: PROC_FD_INO + pid * 64 + fd */

static unsigned long fd_link_ino(pid_t pid, unsigned int fd)
{
	return PROC_FD_INO + (unsigned long)pid * 64 + fd;
}

/* The open file at descriptor @fd of task @pid, not referenced, or NULL. */
static struct file *task_file(pid_t pid, unsigned int fd)
{
	struct task_struct *task = find_task_by_pid(pid);

	if (!task || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return task->files[fd];
}

/* The link's target (Linux's d_path, or pipefs's "pipe:[INODE]"); its length or -ENOENT. */
static int proc_fd_get_link(struct inode *inode, char *buf, size_t size)
{
	struct file *file = task_file(PROC_I(inode)->pid, PROC_I(inode)->fd);

	if (!file)
		return -ENOENT;
	if (file->f_path)
		return min(strlcpy(buf, file->f_path, size), size - 1);
	return min((size_t)snprintf(buf, size, "pipe:[%lu]", file_inode(file)->i_ino), size - 1);
}

static const struct inode_operations proc_fd_link_inode_operations = {
	.free_inode = proc_free_inode,
	.get_link = proc_fd_get_link,
};

/* A decimal descriptor number without leading zeros, or -1. */
static int parse_fd(const char *name, size_t len)
{
	int fd = 0;

	if (!len || len > 3 || (len > 1 && name[0] == '0'))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		fd = fd * 10 + name[i] - '0';
	}
	return fd;
}

static struct inode *proc_fd_lookup(struct inode *dir, const char *name, size_t len)
{
	pid_t pid = PROC_I(dir)->pid;
	int fd = parse_fd(name, len);
	struct file *file = fd >= 0 ? task_file(pid, fd) : NULL;
	struct proc_inode *ei;

	if (!file)
		return ERR_PTR(-ENOENT);
	/* r-x for a readable descriptor, -w- for a writable one, as Linux's tid_fd_update_inode */
	ei = proc_new_inode(pid, S_IFLNK | (file_readable(file) ? 0500 : 0) |
			    (file_writable(file) ? 0200 : 0), fd_link_ino(pid, fd),
			    &proc_fd_link_inode_operations, NULL);
	if (!ei)
		return ERR_PTR(-ENOMEM);
	ei->fd = fd;
	return &ei->vfs_inode;
}

/* Positions: 0 ".", 1 "..", then 2 + fd for each open descriptor. */
static int proc_fd_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	pid_t pid = PROC_I(dir)->pid;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir->i_ino - (PROC_PID_INO_STRIDE - 1), DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; ctx->pos >= 2 && ctx->pos < 2 + NR_OPEN_DEFAULT; ctx->pos++) {
		unsigned int fd = ctx->pos - 2;
		char name[4];

		if (!task_file(pid, fd))
			continue;
		snprintf(name, sizeof(name), "%u", fd);
		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, fd_link_ino(pid, fd), DT_LNK))
			return 0;
	}
	return 0;
}

static const struct inode_operations proc_fd_dir_inode_operations = {
	.lookup = proc_fd_lookup,
	.free_inode = proc_free_inode,
};

static const struct file_operations proc_fd_dir_operations = {
	.iterate_shared = proc_fd_iterate,
	.llseek = seq_lseek,
};

struct inode *proc_fd_dir_inode(pid_t pid, unsigned long ino)
{
	struct proc_inode *ei;

	if (!find_task_by_pid(pid))
		return ERR_PTR(-ENOENT);
	ei = proc_new_inode(pid, S_IFDIR | 0500, ino, &proc_fd_dir_inode_operations,
			    &proc_fd_dir_operations);
	return ei ? &ei->vfs_inode : ERR_PTR(-ENOMEM);
}
