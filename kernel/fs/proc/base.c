// SPDX-License-Identifier: MIT
/*
 * /proc/PID (Linux's fs/proc/base.c and array.c): the directory of one
 * process, its files "cmdline", "limits", "maps", "stat" and "status",
 * the link "exe" and the directory "fd" (fd.c).
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include "internal.h"

static void proc_pid_cmdline(struct seq_file *m, struct task_struct *task);
static void proc_pid_stat(struct seq_file *m, struct task_struct *task);

static const struct proc_entry proc_pid_entries[] = {
	{ "cmdline", proc_pid_cmdline },
	{ "limits", proc_pid_limits },
	{ "maps", proc_pid_maps },
	{ "stat", proc_pid_stat },
	{ "status", proc_pid_status },
};

/* /proc/PID/exe: the path of the program the task runs (Linux's proc_exe_link). */
static int proc_exe_link(struct task_struct *task, char *buf, size_t size)
{
	if (!task->exe_file || !task->exe_file->f_path)
		return -ENOENT;
	return min(strlcpy(buf, task->exe_file->f_path, size), size - 1);
}

/* Listed after the files, numbered after them. */
static const struct proc_link proc_pid_links[] = {
	{ "exe", proc_exe_link },
};

#define PROC_PID_LINK_INO(pid, i)	(pid_dir_ino(pid) + 1 + ARRAY_SIZE(proc_pid_entries) + (i))
#define PROC_PID_FD_INO(pid)		(pid_dir_ino(pid) + PROC_PID_INO_STRIDE - 1)
/* the directory "fd" is listed after the links */
#define PROC_PID_FD_POS			(2 + ARRAY_SIZE(proc_pid_entries) + ARRAY_SIZE(proc_pid_links))

static unsigned long pid_dir_ino(pid_t pid)
{
	return PROC_PID_INO + (unsigned long)pid * PROC_PID_INO_STRIDE;
}

/* Linux's task_state_array: the letter and word of each state. */
static const char *task_state(const struct task_struct *task)
{
	switch (task->state) {
	case TASK_RUNNING:
		return "R (running)";
	case TASK_INTERRUPTIBLE:
		return "S (sleeping)";
	case EXIT_ZOMBIE:
		return "Z (zombie)";
	case EXIT_DEAD:
		return "X (dead)";
	default:
		return "D (disk sleep)";
	}
}

/* /proc/PID/status, in Linux 6.1's order (fs/proc/array.c proc_pid_status). */
void proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "Name:\t%s\n", task->comm);
	seq_printf(m, "State:\t%s\n", task_state(task));
	seq_printf(m, "Tgid:\t%d\n", task->pid);
	seq_printf(m, "Pid:\t%d\n", task->pid);
	seq_printf(m, "PPid:\t%d\n", task->parent ? task->parent->pid : 0);
	seq_puts(m, "TracerPid:\t0\n");
	/* real, effective, saved and file-system ids (the last is the effective one here) */
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", task->cred.uid, task->cred.euid, task->cred.suid,
		   task->cred.euid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", task->cred.gid, task->cred.egid, task->cred.sgid,
		   task->cred.egid);
	seq_printf(m, "FDSize:\t%d\n", NR_OPEN_DEFAULT);
	if (task->mm)
		task_mem(m, task->mm);
	seq_puts(m, "Threads:\t1\n");
	seq_printf(m, "SigPnd:\t%016lx\n", task->pending_signals);
	seq_printf(m, "SigBlk:\t%016lx\n", task->blocked_signals);
}

/* The name and unit of each resource in /proc/PID/limits (Linux's lnames). */
static const struct limit_names {
	const char *name;
	const char *unit;
} lnames[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

/* One limit value as /proc/PID/limits shows it: "unlimited" or the number, in a 20-wide column. */
static void limit_value(struct seq_file *m, unsigned long value)
{
	if (value == RLIM_INFINITY)
		seq_printf(m, "%-20s ", "unlimited");
	else
		seq_printf(m, "%-20lu ", value);
}

/* /proc/PID/limits: a header, then each resource's soft and hard limit (Linux proc_pid_limits). */
void proc_pid_limits(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(m, "%-25s ", lnames[i].name);
		limit_value(m, task->rlim[i].rlim_cur);
		limit_value(m, task->rlim[i].rlim_max);
		if (lnames[i].unit)
			seq_printf(m, "%-10s\n", lnames[i].unit);
		else
			seq_putc(m, '\n');
	}
}

/*
 * Copy up to @len bytes at user address @addr of @mm into @buf, page by
 * page through its page tables (a read-only Linux access_remote_vm that
 * does not fault pages in); stops at the first page not present. Returns
 * the bytes copied.
 */
static size_t read_task_memory(struct mm_struct *mm, unsigned long addr, char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		unsigned long offset = (addr + done) & ~PAGE_MASK;
		size_t chunk = min_t(size_t, len - done, PAGE_SIZE - offset);
		pte_t *pte;

		if (follow_pte(mm, addr + done, &pte) || !pte_present(*pte))
			break;
		memcpy(buf + done, (char *)__va(pte_pfn(*pte) << PAGE_SHIFT) + offset, chunk);
		done += chunk;
	}
	return done;
}

/*
 * /proc/PID/cmdline: the argument strings, each ending in NUL, read from
 * the process's own memory as Linux reads them; empty for a zombie.
 */
static void proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	char buf[256];
	unsigned long addr, end;

	if (!task->mm)
		return;
	addr = task->mm->arg_start;
	end = task->mm->arg_end;
	while (addr < end) {
		size_t n = read_task_memory(task->mm, addr, buf, min_t(size_t, end - addr, sizeof(buf)));

		if (!n)
			break;
		seq_write(m, buf, n);
		addr += n;
	}
}

/* The state letter of /proc/PID/stat. */
static char task_state_char(const struct task_struct *task)
{
	return task_state(task)[0];
}

/*
 * /proc/PID/stat, Linux 6.1's 52 fields (fs/proc/array.c do_task_stat).
 * This kernel keeps no sessions, terminals, fault counts, CPU times or
 * start times: those fields are 0. The sizes, addresses and signal masks
 * are the task's own.
 */
static void proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	unsigned long ignored = 0, caught = 0;
	unsigned long vsize = 0, rss = 0;

	for (int sig = 1; sig <= _NSIG; sig++) {
		unsigned long handler = (unsigned long)task->action[sig - 1].handler;

		if (handler == 1)
			ignored |= 1UL << (sig - 1);
		else if (handler > 1)
			caught |= 1UL << (sig - 1);
	}
	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_FILEPAGES];
	}
	/* pid, comm, state, ppid, pgrp, session, tty_nr, tpgid, flags */
	seq_printf(m, "%d (%s) %c %d %d 0 0 -1 0", task->pid, task->comm, task_state_char(task),
		   task->parent ? task->parent->pid : 0, task->pgid);
	/* faults, CPU times, priority, nice, threads, itrealvalue, starttime */
	seq_puts(m, " 0 0 0 0 0 0 0 0 20 0 1 0 0");
	seq_printf(m, " %lu %lu %lu", vsize, rss, ~0UL);	/* vsize, rss, RLIMIT_RSS */
	seq_printf(m, " %lu %lu %lu 0 0", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	seq_printf(m, " %lu %lu %lu %lu 0 0 0 %d 0 0 0 0 0 0", task->pending_signals,
		   task->blocked_signals, ignored, caught, task->exit_signal);
	if (mm)
		seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start, mm->env_end);
	else
		seq_puts(m, " 0 0 0 0 0 0 0");
	seq_printf(m, " %d\n", task->state == EXIT_ZOMBIE ? task->exit_code : 0);
}

static struct inode *proc_pid_lookup(struct inode *dir, const char *name, size_t len)
{
	pid_t pid = PROC_I(dir)->pid;

	for (size_t i = 0; i < ARRAY_SIZE(proc_pid_entries); i++)
		if (strlen(proc_pid_entries[i].name) == len &&
		    !memcmp(proc_pid_entries[i].name, name, len))
			return proc_file_inode(&proc_pid_entries[i], pid, pid_dir_ino(pid) + 1 + i);
	for (size_t i = 0; i < ARRAY_SIZE(proc_pid_links); i++)
		if (strlen(proc_pid_links[i].name) == len &&
		    !memcmp(proc_pid_links[i].name, name, len))
			return proc_link_inode(&proc_pid_links[i], pid, PROC_PID_LINK_INO(pid, i));
	if (len == 2 && !memcmp(name, "fd", 2))
		return proc_fd_dir_inode(pid, PROC_PID_FD_INO(pid));
	return ERR_PTR(-ENOENT);
}

/* Positions: 0 ".", 1 "..", then the files. */
static int proc_pid_iterate(struct file *file, struct dir_context *ctx)
{
	pid_t pid = PROC_I(file_inode(file))->pid;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, pid_dir_ino(pid), DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	while (ctx->pos >= 2 && ctx->pos < 2 + (loff_t)ARRAY_SIZE(proc_pid_entries)) {
		size_t i = ctx->pos - 2;
		const char *name = proc_pid_entries[i].name;

		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, pid_dir_ino(pid) + 1 + i,
				DT_REG))
			return 0;
		ctx->pos++;
	}
	while (ctx->pos >= 2 + (loff_t)ARRAY_SIZE(proc_pid_entries) &&
	       ctx->pos < 2 + (loff_t)(ARRAY_SIZE(proc_pid_entries) + ARRAY_SIZE(proc_pid_links))) {
		size_t i = ctx->pos - 2 - ARRAY_SIZE(proc_pid_entries);
		const char *name = proc_pid_links[i].name;

		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, PROC_PID_LINK_INO(pid, i),
				DT_LNK))
			return 0;
		ctx->pos++;
	}
	if (ctx->pos == (loff_t)PROC_PID_FD_POS) {
		if (!ctx->actor(ctx, "fd", 2, ctx->pos + 1, PROC_PID_FD_INO(pid), DT_DIR))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static const struct inode_operations proc_pid_dir_inode_operations = {
	.lookup = proc_pid_lookup,
	.free_inode = proc_free_inode,
};

static const struct file_operations proc_pid_dir_operations = {
	.iterate_shared = proc_pid_iterate,
	.llseek = seq_lseek,
};

struct inode *proc_pid_dir_inode(pid_t pid)
{
	struct task_struct *task = find_task_by_pid(pid);
	struct proc_inode *ei;

	if (!task)
		return ERR_PTR(-ENOENT);
	ei = proc_new_inode(pid, S_IFDIR | 0555, pid_dir_ino(pid),
			    &proc_pid_dir_inode_operations, &proc_pid_dir_operations);
	if (!ei)
		return ERR_PTR(-ENOMEM);
	/* owned by the task's effective ids, as Linux's task_dump_owner (what ps shows) */
	ei->vfs_inode.i_uid = task->cred.euid;
	ei->vfs_inode.i_gid = task->cred.egid;
	return &ei->vfs_inode;
}
