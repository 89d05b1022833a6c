// SPDX-License-Identifier: MIT
/*
 * /dev/null and /dev/zero (Linux's drivers/char/mem.c), character
 * devices 1:3 and 1:5, readable and writable by everyone. /dev/null
 * reads as end of file and swallows writes; /dev/zero reads as zero
 * bytes and swallows writes.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include "internal.h"

#define MEM_MAJOR	1
#define NULL_MINOR	3
#define ZERO_MINOR	5

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return count;
}

/* Zero @count bytes at @buf; the bytes zeroed, or -EFAULT if none could be. */
static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	static const char zeros[256];
	size_t done = 0;

	while (done < count) {
		size_t chunk = min_t(size_t, count - done, sizeof(zeros));
		size_t left = copy_to_user(buf + done, zeros, chunk);

		done += chunk - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/* Seeking either device succeeds and leaves the position at 0 (Linux's null_lseek). */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.read = read_null,
	.write = write_null,
	.llseek = null_lseek,
};

static const struct file_operations zero_fops = {
	.read = read_zero,
	.write = write_null,
	.llseek = null_lseek,
};

/* Make character device @name (@minor of major 1) in @dev. 0 or -errno. */
static int mem_device(struct inode *dev, const char *name, unsigned int minor,
		      const struct file_operations *fops)
{
	struct inode *inode = new_inode();

	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFCHR | 0666;
	inode->i_nlink = 1;
	inode->i_ino = get_next_ino();
	inode->i_dev = ROOTFS_DEV;
	inode->i_rdev = MKDEV(MEM_MAJOR, minor);
	inode->i_fop = fops;
	return ramfs_link(dev, name, strlen(name), inode);
}

/* /dev/null and /dev/zero in @dev; 0 or -errno. */
int mem_devices_init(struct inode *dev)
{
	return mem_device(dev, "null", NULL_MINOR, &null_fops) ?:
	       mem_device(dev, "zero", ZERO_MINOR, &zero_fops);
}
