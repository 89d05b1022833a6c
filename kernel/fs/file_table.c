// SPDX-License-Identifier: MIT
/*
 * Open files (Linux's fs/file_table.c): a struct file is made by open,
 * shared by dup and fork through its reference count f_count, and
 * released by the last fput.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bug.h>
#include "internal.h"

/*
 * Takes @inode (a reference is added), the O_* @flags and the path it was
 * opened by (copied; may be NULL). Returns the file with f_count 1, or NULL.
 */
struct file *alloc_file(struct inode *inode, unsigned int flags, const char *path)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	char *copy = NULL;

	if (!file)
		return NULL;
	if (path) {
		size_t len = strlen(path) + 1;

		copy = kmalloc(len, GFP_KERNEL);
		if (!copy) {
			kfree(file);
			return NULL;
		}
		memcpy(copy, path, len);
	}
	iget(inode);
	file->f_inode = inode;
	file->f_op = inode->i_fop;
	file->f_flags = flags;
	file->f_count = 1;
	file->f_path = copy;
	return file;
}

void get_file(struct file *file)
{
	file->f_count++;
}

/* Drop a reference; the last one calls f_op->release and frees the file. */
void fput(struct file *file)
{
	WARN_ON(file->f_count <= 0);
	if (--file->f_count > 0)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	iput(file->f_inode);
	kfree(file->f_path);
	kfree(file);
}
