// SPDX-License-Identifier: MIT
/*
 * /dev/console: a character device over the console terminal
 * (kernel/tty.c). Reads block for a line (canonical mode); lseek fails
 * with -ESPIPE; ioctls (TCGETS, TIOCGWINSZ, ...) go to the tty.
 * It reports itself as a pseudo-terminal, makedev(136, 1), so that C
 * libraries line-buffer stdout on it as on a Linux terminal.
 */
#include <linux/fs.h>
#include <linux/tty.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include "internal.h"

#define CONSOLE_MAJOR	136
#define CONSOLE_MINOR	1
#define CONSOLE_CHUNK	256	/* bytes moved through the kernel stack at a time */

static ssize_t console_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	char kbuf[CONSOLE_CHUNK];
	ssize_t n;

	if (!count)
		return 0;
	n = tty_read(kbuf, min_t(size_t, count, sizeof(kbuf)));
	if (n > 0 && copy_to_user(buf, kbuf, n))
		return -EFAULT;
	return n;
}

static ssize_t console_write(struct file *file, const char __user *buf, size_t count,
			     loff_t *pos)
{
	char kbuf[CONSOLE_CHUNK];
	size_t written = 0;

	while (written < count) {
		size_t chunk = min_t(size_t, count - written, sizeof(kbuf));
		ssize_t n;

		if (copy_from_user(kbuf, buf + written, chunk))
			return written ? (ssize_t)written : -EFAULT;
		n = tty_write(kbuf, chunk);
		if (n < 0)
			return written ? (ssize_t)written : n;
		written += n;
		if ((size_t)n < chunk)
			break;
	}
	return written;
}

static long console_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return tty_ioctl(cmd, arg);
}

static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write,
	.unlocked_ioctl = console_ioctl,
};

/* The /dev/console inode (S_IFCHR | 0620, 136:1), one reference; NULL when out of memory. */
struct inode *console_new_inode(void)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode->i_mode = S_IFCHR | 0620;
	inode->i_ino = get_next_ino();
	inode->i_dev = ROOTFS_DEV;
	inode->i_rdev = MKDEV(CONSOLE_MAJOR, CONSOLE_MINOR);
	inode->i_fop = &console_fops;
	return inode;
}

/* Open /dev/console read-write as descriptors 0, 1 and 2 (Linux's console_on_rootfs). */
void open_console_fds(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR);

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console (%ld).\n", PTR_ERR(file));
		return;
	}
	for (int i = 0; i < 3; i++) {
		if (i)
			get_file(file);
		if (fd_install_lowest(file) < 0)
			fput(file);
	}
}
