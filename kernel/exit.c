// SPDX-License-Identifier: MIT
/*
 * Ending tasks: do_exit() gives back everything the task holds (files,
 * address space) and leaves a zombie holding only its wait status, which
 * the parent collects with wait4(); orphans go to init. When init itself
 * ends, the machine powers off with its status.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/strace.h>
#include <linux/bug.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

#define WNOHANG		1
#define WUNTRACED	2

void free_task(struct task_struct *p);
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wait);

/* Give the children of the exiting task to init (pid 1). */
static void forget_original_parent(struct task_struct *dead)
{
	struct task_struct *init = find_task_by_pid(1), *child, *next;

	list_for_each_entry_safe(child, next, &dead->children, sibling) {
		child->parent = init;
		list_move_tail(&child->sibling, &init->children);
	}
}

/* init is gone: report how, and power off with its status. */
static __noreturn void init_exited(long code)
{
	int status;

	if (code & 0x7f) {
		printk(KERN_INFO "init killed by signal %ld\n", code & 0x7f);
		status = 128 + (code & 0x7f);
	} else {
		status = (code >> 8) & 0xff;
		printk(KERN_INFO "init exited with status %d\n", status);
	}
	machine_power_off(status);
}

void do_exit(long code)
{
	struct task_struct *p = current;
	struct mm_struct *mm = p->mm;

	if (p->traced)
		strace_process_exit(code);
	close_files();
	if (mm) {
		/* leave the dying address space before freeing its page tables */
		write_cr3(__pa(swapper_pg_dir));
		p->mm = NULL;
		mmput(mm);
	}
	if (p->pid == 1)
		init_exited(code);
	forget_original_parent(p);
	local_irq_disable();
	p->exit_code = code;
	p->state = EXIT_ZOMBIE;
	wake_up(&child_exit_wait);
	schedule();
	BUG();
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* Does child @p match wait4's @pid argument? */
static bool wait_matches(struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return p->pgid == current->pgid;
	return p->pgid == -pid;
}

/* Collect zombie @p: its status to user space, its task freed. Returns its pid or -EFAULT. */
static long reap(struct task_struct *p, int __user *status)
{
	pid_t pid = p->pid;

	if (status && put_user(p->exit_code, status))
		return -EFAULT;
	list_del(&p->sibling);
	list_del(&p->tasks);
	free_task(p);
	return pid;
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int __user *, status, int, options, void __user *, rusage)
{
	if (options & ~(WNOHANG | WUNTRACED))
		return -EINVAL;
	for (;;) {
		struct task_struct *child;
		bool any = false;

		list_for_each_entry(child, &current->children, sibling) {
			if (!wait_matches(child, pid))
				continue;
			any = true;
			if (child->state == EXIT_ZOMBIE)
				return reap(child, status);
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (signal_pending(current))
			return -EINTR;
		local_irq_disable();
		sleep_on(&child_exit_wait);
		local_irq_enable();
	}
}
