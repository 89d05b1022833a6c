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
#include <uapi/linux/wait.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

#define WAIT4_OPTIONS	(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)

/* struct rusage (x86-64): this kernel keeps no per-process usage, so it reads as zeros. */
struct rusage {
	long ru_utime[2], ru_stime[2];
	long ru_fields[14];
};

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

/*
 * End current with wait status @code: close its files, drop its address
 * space, reparent its children, become a zombie for wait4. Does not return.
 */
void do_exit(long code)
{
	struct task_struct *p = current;
	struct mm_struct *mm = p->mm;

	if (p->traced)
		strace_process_exit(code);
	close_files();
	if (p->exe_file) {
		fput(p->exe_file);
		p->exe_file = NULL;
	}
	if (mm) {
		mm_release(p, mm);
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
	if (p->exit_signal && p->parent)	/* Linux's do_notify_parent: SIGCHLD for fork's children */
		send_sig(p->exit_signal, p->parent);
	wake_up(&child_exit_wait);
	schedule();
	BUG();
}

/* exit_group(2): every thread of the process ends (here the one thread). */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* exit(2): the calling thread ends with status @error_code & 0xff. */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * Does child @p match wait4's @pid argument and @options? A "clone child"
 * (one whose exit signal is not SIGCHLD) is waited for only with __WCLONE,
 * the others only without it; __WALL waits for both (Linux's eligible_child).
 */
static bool wait_matches(struct task_struct *p, pid_t pid, int options)
{
	if (((p->exit_signal != SIGCHLD) != !!(options & __WCLONE)) && !(options & __WALL))
		return false;
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return p->pgid == current->pgid;
	return p->pgid == -pid;
}

/*
 * Collect zombie @p: free its task, then store its status and usage. As in
 * Linux, the child is reaped even when the pointers are bad (-EFAULT then).
 */
static long reap(struct task_struct *p, int __user *status, struct rusage __user *rusage)
{
	struct rusage usage = { 0 };
	int exit_code = p->exit_code;
	pid_t pid = p->pid;

	list_del(&p->sibling);
	list_del(&p->tasks);
	free_task(p);
	if (status && put_user(exit_code, status))
		return -EFAULT;
	if (rusage && copy_to_user(rusage, &usage, sizeof(usage)))
		return -EFAULT;
	return pid;
}

SYSCALL_DEFINE4(wait4, pid_t, pid, int __user *, status, int, options,
		struct rusage __user *, rusage)
{
	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == INT_MIN)	/* -pid would overflow (Linux: -ESRCH) */
		return -ESRCH;
	for (;;) {
		struct task_struct *child;
		bool any = false;

		list_for_each_entry(child, &current->children, sibling) {
			if (!wait_matches(child, pid, options))
				continue;
			any = true;
			if (child->state == EXIT_ZOMBIE)
				return reap(child, status, rusage);
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		local_irq_disable();	/* a signal from an interrupt cannot slip in before the sleep */
		if (signal_pending(current)) {
			local_irq_enable();
			return -ERESTARTSYS;	/* -EINTR, or redone under SA_RESTART */
		}
		sleep_on(&child_exit_wait);
		local_irq_enable();
	}
}
