/* SPDX-License-Identifier: MIT */
/*
 * /proc (Linux's fs/proc/internal.h, reduced): every file is a proc_entry
 * whose show() formats the whole text when the file is opened; reads
 * then copy from that snapshot. Inodes are made at lookup and freed
 * with their last reference.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/kernel.h>
#include "../internal.h"

struct seq_file;
struct task_struct;

struct proc_entry {
	const char *name;
	/* Format the file; @task is the PID directory's task (NULL at the top level). */
	void (*show)(struct seq_file *m, struct task_struct *task);
};

/* A symbolic link under /proc/PID ("exe"). */
struct proc_link {
	const char *name;
	/* The target for @task into @buf (@size bytes, NUL-terminated); its length or -errno. */
	int (*get_link)(struct task_struct *task, char *buf, size_t size);
};

struct proc_inode {
	pid_t pid;				/* of the PID directory, or 0 */
	const struct proc_entry *entry;		/* NULL for directories and links */
	const struct proc_link *link;		/* for a symbolic link */
	unsigned int fd;			/* for a /proc/PID/fd/N link: N */
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

/*
 * Inode numbers: the root is 1, its files 2.., /proc/sys and what is
 * under it from PROC_SYS_INO, PID directories from PROC_PID_INO.
 */
#define PROC_ROOT_INO		1
#define PROC_SYS_INO		256
#define PROC_PID_INO		4096
#define PROC_PID_INO_STRIDE	16	/* a PID directory and its files */

/* A new inode for /proc/PID (pid of a live task), one reference; or ERR_PTR. */
struct inode *proc_pid_dir_inode(pid_t pid);
/* A new inode for file @entry (of PID directory @pid, or 0), numbered @ino. */
struct inode *proc_file_inode(const struct proc_entry *entry, pid_t pid, unsigned long ino);

/*
 * A file under /proc/sys (Linux's struct ctl_table, reduced to what this
 * kernel needs): an int that root may read and set, in [min, max].
 */
struct ctl_table {
	const char *dir;		/* its directory under /proc/sys, e.g. "vm" */
	const char *procname;		/* its file name */
	int *data;
	int min, max;			/* Linux's extra1 and extra2 */
};

/* A new inode for the directory /proc/sys, one reference; or ERR_PTR(-ENOMEM). */
struct inode *proc_sys_inode(void);
/*
 * Linux's proc_dointvec_minmax: read (@write 0) or set (@write 1)
 * *@table->data as decimal text in @buffer of *@lenp bytes at file
 * position *@ppos. Updates *@lenp to the bytes produced or consumed and
 * advances *@ppos by it. Returns 0 or -EINVAL (see proc_sysctl.c).
 */
int proc_dointvec_minmax(const struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

/* The formatters. */
void proc_pid_status(struct seq_file *m, struct task_struct *task);
void proc_pid_maps(struct seq_file *m, struct task_struct *task);
void proc_pid_limits(struct seq_file *m, struct task_struct *task);
/*
 * A new /proc inode (of PID directory @pid, or 0): @mode, number @ino, the
 * operations, one reference, the rest zero; NULL without memory.
 */
struct proc_inode *proc_new_inode(pid_t pid, umode_t mode, unsigned long ino,
				  const struct inode_operations *iop,
				  const struct file_operations *fop);
/* Free a /proc inode (its struct proc_inode). */
void proc_free_inode(struct inode *inode);
/* A new inode for the directory /proc/PID/fd of live task @pid, numbered @ino; or ERR_PTR. */
struct inode *proc_fd_dir_inode(pid_t pid, unsigned long ino);
/* A new inode for symbolic link @link of PID directory @pid, numbered @ino. */
struct inode *proc_link_inode(const struct proc_link *link, pid_t pid, unsigned long ino);

#endif
