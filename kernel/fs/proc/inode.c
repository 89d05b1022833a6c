// SPDX-License-Identifier: MIT
/*
 * /proc files (Linux's fs/proc/inode.c and fs/seq_file.c's single_open):
 * open runs the entry's show() into a kmalloc'd buffer, doubling it until
 * the text fits; read and lseek work on that snapshot; release frees it.
 */
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <asm/page.h>
#include "internal.h"

#define PROC_MAX_TEXT	(4UL << 20)	/* the largest snapshot one file may produce */

void proc_free_inode(struct inode *inode)
{
	kfree(PROC_I(inode));
}

static const struct inode_operations proc_file_inode_operations = {
	.free_inode = proc_free_inode,
};

/* A /proc symbolic link: its entry's get_link, for the PID directory's task. */
static int proc_get_link(struct inode *inode, char *buf, size_t size)
{
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task = find_task_by_pid(ei->pid);

	if (!task)
		return -ENOENT;
	return ei->link->get_link(task, buf, size);
}

static const struct inode_operations proc_link_inode_operations = {
	.free_inode = proc_free_inode,
	.get_link = proc_get_link,
};

/* Takes the inode being opened; fills file->private_data with the formatted text. */
static int proc_single_open(struct inode *inode, struct file *file)
{
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task = NULL;
	struct seq_file *m;
	size_t size;

	if (ei->pid) {
		task = find_task_by_pid(ei->pid);
		if (!task)
			return -ESRCH;
	}
	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	for (size = PAGE_SIZE; size <= PROC_MAX_TEXT; size *= 2) {
		char *buf = kmalloc(size, GFP_KERNEL);

		if (!buf)
			break;
		seq_init(m, buf, size);
		ei->entry->show(m, task);
		if (!seq_has_overflowed(m)) {
			file->private_data = m;
			return 0;
		}
		kfree(buf);
	}
	kfree(m);
	return -ENOMEM;
}

static ssize_t proc_single_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct seq_file *m = file->private_data;

	return simple_read_from_buffer(to, pos, m->buf, m->count);
}

/* Writable by root as in Linux, but these files take no input. */
static ssize_t proc_single_write(struct file *file, const char __user *buf, size_t count,
				 loff_t *pos)
{
	return -EIO;
}

static int proc_single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}

static const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = proc_single_read_iter,
	.write = proc_single_write,
	.llseek = seq_lseek,
	.release = proc_single_release,
};

struct proc_inode *proc_new_inode(pid_t pid, umode_t mode, unsigned long ino,
				  const struct inode_operations *iop,
				  const struct file_operations *fop)
{
	struct proc_inode *ei = kzalloc(sizeof(*ei), GFP_KERNEL);
	struct inode *inode;

	if (!ei)
		return NULL;
	ei->pid = pid;
	inode = &ei->vfs_inode;
	inode->i_count = 1;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_mode = mode;
	inode->i_ino = ino;
	inode->i_dev = PROC_DEV;
	inode->i_op = iop;
	inode->i_fop = fop;
	return ei;
}

struct inode *proc_file_inode(const struct proc_entry *entry, pid_t pid, unsigned long ino)
{
	struct proc_inode *ei = proc_new_inode(pid, S_IFREG | 0444, ino,
					       &proc_file_inode_operations,
					       &proc_single_file_operations);

	if (!ei)
		return ERR_PTR(-ENOMEM);
	ei->entry = entry;
	return &ei->vfs_inode;
}

struct inode *proc_link_inode(const struct proc_link *link, pid_t pid, unsigned long ino)
{
	struct proc_inode *ei = proc_new_inode(pid, S_IFLNK | 0777, ino,
					       &proc_link_inode_operations, NULL);

	if (!ei)
		return ERR_PTR(-ENOMEM);
	ei->link = link;
	return &ei->vfs_inode;
}
