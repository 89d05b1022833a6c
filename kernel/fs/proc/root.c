// SPDX-License-Identifier: MIT
/*
 * The /proc directory (Linux's fs/proc/root.c and generic.c): the
 * system-wide files, "sys" (proc_sysctl.c), "self", and a directory per
 * process, named by PID.
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/mmzone.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include "internal.h"

extern const char linux_banner[];


static void buddyinfo_proc_show(struct seq_file *m, struct task_struct *task)
{
	buddyinfo_show(m);
}

static void slabinfo_proc_show(struct seq_file *m, struct task_struct *task)
{
	slabinfo_show(m);
}

static void meminfo_proc_show(struct seq_file *m, struct task_struct *task)
{
	meminfo_show(m);
}

/* Seconds since boot and seconds spent idle, to 1/100 s (Linux's fs/proc/uptime.c). */
static void uptime_proc_show(struct seq_file *m, struct task_struct *task)
{
	unsigned long now = jiffies;
	unsigned long idle = idle_jiffies;

	seq_printf(m, "%lu.%02lu %lu.%02lu\n", now / HZ, (now % HZ) * 100 / HZ,
		   idle / HZ, (idle % HZ) * 100 / HZ);
}

static void version_proc_show(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, linux_banner);
}

static const struct proc_entry proc_root_entries[] = {
	{ "buddyinfo", buddyinfo_proc_show },
	{ "meminfo", meminfo_proc_show },
	{ "slabinfo", slabinfo_proc_show },
	{ "uptime", uptime_proc_show },
	{ "version", version_proc_show },
};

#define PROC_SYS_POS		(2 + (loff_t)ARRAY_SIZE(proc_root_entries))
#define PROC_SELF_POS		(PROC_SYS_POS + 1)
#define PROC_FIRST_PID_POS	(PROC_SELF_POS + 1)

/* A decimal PID of @len bytes at @name, or 0 if it is not one. */
static pid_t name_to_pid(const char *name, size_t len)
{
	pid_t pid = 0;

	if (len == 0 || len > 9 || name[0] == '0')
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

static struct inode *proc_root_lookup(struct inode *dir, const char *name, size_t len)
{
	pid_t pid;

	for (size_t i = 0; i < ARRAY_SIZE(proc_root_entries); i++)
		if (strlen(proc_root_entries[i].name) == len &&
		    !memcmp(proc_root_entries[i].name, name, len))
			return proc_file_inode(&proc_root_entries[i], 0, PROC_ROOT_INO + 1 + i);
	if (len == 3 && !memcmp(name, "sys", 3))
		return proc_sys_inode();
	if (len == 4 && !memcmp(name, "self", 4)) {
		if (!current)
			return ERR_PTR(-ENOENT);
		return proc_pid_dir_inode(current->pid);
	}
	pid = name_to_pid(name, len);
	if (!pid)
		return ERR_PTR(-ENOENT);
	return proc_pid_dir_inode(pid);
}

/* The live task with the smallest PID >= @pid, or NULL. */
static struct task_struct *next_task_from(pid_t pid)
{
	struct task_struct *p, *best = NULL;

	for_each_process(p)
		if (p->pid >= pid && p->pid > 0 && (!best || p->pid < best->pid))
			best = p;
	return best;
}

/*
 * Positions: 0 ".", 1 "..", then the files, "sys", "self", and from
 * PROC_FIRST_PID_POS the PID directories at PROC_FIRST_PID_POS + pid.
 */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		/* /proc sits in the root directory, whose inode is the root's */
		if (!ctx->actor(ctx, "..", 2, 2, root_inode ? root_inode->i_ino : PROC_ROOT_INO,
				DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	while (ctx->pos < PROC_SYS_POS) {
		size_t i = ctx->pos - 2;
		const char *name = proc_root_entries[i].name;

		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, PROC_ROOT_INO + 1 + i, DT_REG))
			return 0;
		ctx->pos++;
	}
	if (ctx->pos == PROC_SYS_POS) {
		if (!ctx->actor(ctx, "sys", 3, PROC_SELF_POS, PROC_SYS_INO, DT_DIR))
			return 0;
		ctx->pos = PROC_SELF_POS;
	}
	if (ctx->pos == PROC_SELF_POS) {
		if (current && !ctx->actor(ctx, "self", 4, PROC_FIRST_PID_POS,
					   PROC_PID_INO + current->pid * PROC_PID_INO_STRIDE,
					   DT_DIR))
			return 0;
		ctx->pos = PROC_FIRST_PID_POS;
	}
	while ((task = next_task_from(ctx->pos - PROC_FIRST_PID_POS))) {
		char name[12];
		int len = snprintf(name, sizeof(name), "%d", task->pid);
		loff_t next = PROC_FIRST_PID_POS + task->pid + 1;

		ctx->pos = PROC_FIRST_PID_POS + task->pid;
		if (!ctx->actor(ctx, name, len, next,
				PROC_PID_INO + task->pid * PROC_PID_INO_STRIDE, DT_DIR))
			return 0;
		ctx->pos = next;
	}
	return 0;
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.iterate_shared = proc_root_iterate,
	.llseek = seq_lseek,
};

/* Lives forever: the count starts at one that is never dropped. */
static struct proc_inode proc_root = {
	.vfs_inode = {
		.i_mode = S_IFDIR | 0555,
		.i_nlink = 2,
		.i_ino = PROC_ROOT_INO,
		.i_dev = PROC_DEV,
		.i_count = 1,
		.i_op = &proc_root_inode_operations,
		.i_fop = &proc_root_operations,
	},
};

struct inode *proc_root_inode(void)
{
	return &proc_root.vfs_inode;
}
