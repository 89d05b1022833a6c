// SPDX-License-Identifier: MIT
/*
 * Pipes (Linux's fs/pipe.c): pipe and pipe2 make an inode holding a ring
 * of up to PIPE_DEF_BUFFERS pages (64 KiB, Linux's default capacity) and
 * two open files on it, the read end and the write end.
 *
 * - A read takes what is there (up to its count); with nothing there it
 *   sleeps until a writer writes, or returns 0 (end of file) once every
 *   write end is closed, or -EAGAIN under O_NONBLOCK.
 * - A write of at most PIPE_BUF bytes goes in whole or waits until it can
 *   (never interleaved with another writer's bytes); a longer one goes in
 *   as space frees up. With every read end closed a write raises SIGPIPE
 *   and fails with -EPIPE.
 * - Pages are allocated as the ring first reaches them and freed with the
 *   pipe, when both ends are closed.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/page.h>
#include "internal.h"

#define PIPE_DEF_BUFFERS	16
#define PIPE_SIZE		(PIPE_DEF_BUFFERS * PAGE_SIZE)	/* 65536 */
#define PIPE_BUF		4096	/* writes up to this size are atomic (POSIX) */

struct pipe_inode_info {
	struct wait_queue_head rd_wait;	/* readers waiting for data or the last writer */
	struct wait_queue_head wr_wait;	/* writers waiting for room or the last reader */
	unsigned int head;		/* bytes ever written; the data is [tail, head) */
	unsigned int tail;		/* bytes ever read */
	unsigned int readers, writers;	/* open read and write ends */
	unsigned long pages[PIPE_DEF_BUFFERS];	/* the ring's pages, 0 until first used */
};

static unsigned int pipe_occupancy(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

/* Copy up to @count bytes out of the ring to @buf; the bytes copied or -EFAULT. */
static ssize_t pipe_copy_out(struct pipe_inode_info *pipe, char __user *buf, size_t count)
{
	size_t done = 0;

	count = min_t(size_t, count, pipe_occupancy(pipe));
	while (done < count) {
		unsigned int pos = pipe->tail % PIPE_SIZE;
		size_t offset = pos % PAGE_SIZE;
		size_t chunk = min_t(size_t, count - done, PAGE_SIZE - offset);
		const char *from = (const char *)pipe->pages[pos / PAGE_SIZE] + offset;

		if (copy_to_user(buf + done, from, chunk))
			return done ? (ssize_t)done : -EFAULT;
		pipe->tail += chunk;
		done += chunk;
	}
	return done;
}

/* Copy up to @count bytes from @buf into the ring's free room; bytes, -EFAULT or -ENOMEM. */
static ssize_t pipe_copy_in(struct pipe_inode_info *pipe, const char __user *buf, size_t count)
{
	size_t done = 0;

	count = min_t(size_t, count, PIPE_SIZE - pipe_occupancy(pipe));
	while (done < count) {
		unsigned int pos = pipe->head % PIPE_SIZE;
		size_t offset = pos % PAGE_SIZE;
		size_t chunk = min_t(size_t, count - done, PAGE_SIZE - offset);
		unsigned long *page = &pipe->pages[pos / PAGE_SIZE];

		if (!*page)
			*page = __get_free_pages(GFP_KERNEL, 0);
		if (!*page)
			return done ? (ssize_t)done : -ENOMEM;
		if (copy_from_user((char *)*page + offset, buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		pipe->head += chunk;
		done += chunk;
	}
	return done;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	ssize_t ret;
	int error;

	if (!count)
		return 0;
	while (!pipe_occupancy(pipe)) {
		if (!pipe->writers)
			return 0;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		error = wait_event_interruptible(pipe->rd_wait,
						 pipe_occupancy(pipe) || !pipe->writers);
		if (error)
			return error;
	}
	ret = pipe_copy_out(pipe, buf, count);
	wake_up(&pipe->wr_wait);
	return ret;
}

/* No reader left: SIGPIPE for the writer, and -EPIPE unless some bytes went in. */
static ssize_t pipe_broken(ssize_t written)
{
	send_sig(SIGPIPE, current);
	return written ? written : -EPIPE;
}

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	/* a write of at most PIPE_BUF bytes waits for room for all of them */
	size_t atomic = count <= PIPE_BUF ? count : 1;
	ssize_t written = 0;

	if (!pipe->readers)
		return pipe_broken(0);
	while ((size_t)written < count) {
		ssize_t n;
		int error;

		if (PIPE_SIZE - pipe_occupancy(pipe) < (written ? 1 : atomic)) {
			if (file->f_flags & O_NONBLOCK)
				return written ? written : -EAGAIN;
			error = wait_event_interruptible(pipe->wr_wait,
					PIPE_SIZE - pipe_occupancy(pipe) >= (written ? 1 : atomic) ||
					!pipe->readers);
			if (error)
				return written ? written : error;
			if (!pipe->readers)
				return pipe_broken(written);
			continue;
		}
		n = pipe_copy_in(pipe, buf + written, count - written);
		if (n < 0)
			return written ? written : n;
		written += n;
		wake_up(&pipe->rd_wait);
	}
	return written;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (int i = 0; i < PIPE_DEF_BUFFERS; i++)
		if (pipe->pages[i])
			free_pages(pipe->pages[i], 0);
	kfree(pipe);
}

/* One end closes: the other side wakes (to see EOF or EPIPE); the last end frees the pipe. */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (file_readable(file))
		pipe->readers--;
	if (file_writable(file))
		pipe->writers--;
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	if (!pipe->readers && !pipe->writers) {
		inode->i_private = NULL;
		free_pipe_info(pipe);
	}
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

/* The capacity of the pipe @file is an end of (fcntl F_GETPIPE_SZ), or -EBADF. */
long pipe_fcntl_size(struct file *file)
{
	return file->f_op == &pipefifo_fops ? (long)PIPE_SIZE : -EBADF;
}

/* A pipe inode (S_IFIFO | 0600) with an empty ring, one reference; NULL without memory. */
static struct inode *get_pipe_inode(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	struct inode *inode = pipe ? new_inode() : NULL;

	if (!inode) {
		kfree(pipe);
		return NULL;
	}
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	inode->i_mode = S_IFIFO | 0600;
	inode->i_ino = get_next_ino();
	inode->i_dev = PIPEFS_DEV;
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	return inode;
}

/* Make the two ends: res[0] reads, res[1] writes. 0 or -ENOMEM. */
static int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct pipe_inode_info *pipe;

	if (!inode)
		return -ENOMEM;
	pipe = inode->i_private;
	res[0] = alloc_file(inode, O_RDONLY | (flags & O_NONBLOCK), NULL);
	res[1] = res[0] ? alloc_file(inode, O_WRONLY | (flags & O_NONBLOCK), NULL) : NULL;
	if (!res[1]) {
		if (res[0]) {
			res[0]->f_op = NULL;	/* no release: the pipe is freed here */
			fput(res[0]);
		}
		iput(inode);
		free_pipe_info(pipe);
		return -ENOMEM;
	}
	res[0]->private_data = res[1]->private_data = pipe;
	pipe->readers = pipe->writers = 1;
	iput(inode);		/* the files hold it now */
	return 0;
}

/* pipe2(2): two descriptors, fd[0] the read end, fd[1] the write end. 0 or -errno. */
static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] >= 0)
		fd_install(fd[0], files[0]);
	fd[1] = fd[0] >= 0 ? get_unused_fd_flags(flags) : fd[0];
	error = fd[1] < 0 ? fd[1] : 0;
	if (!error && copy_to_user(fildes, fd, sizeof(fd)))
		error = -EFAULT;
	if (error) {
		if (fd[0] >= 0)
			fd_install(fd[0], NULL);	/* give the slot back */
		fput(files[0]);
		fput(files[1]);
		return error;
	}
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
