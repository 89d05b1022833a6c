// SPDX-License-Identifier: MIT
/*
 * Signals, reduced to what this kernel needs: a signal is either ignored
 * (SIG_IGN) or ends the process (SIG_DFL; SIGCHLD's default is to be
 * ignored). There are no user handlers. Pending signals act when the task
 * is next on its way back to user mode (exit_to_user_mode), where it dies
 * with the signal as its wait status, as Linux reports it.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/printk.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/processor.h>

#define SIG_DFL		0UL
#define SIG_IGN		1UL
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2
#define sigmask(sig)	(1UL << ((sig) - 1))
/* Signals that cannot be ignored, caught or blocked (Linux's sig_kernel_only). */
#define UNCATCHABLE	(sigmask(SIGKILL) | sigmask(SIGSTOP))

/*
 * Signals whose default action is not to end the process: SIGCHLD, SIGCONT,
 * SIGURG and SIGWINCH are ignored by default, as in Linux; the stop signals
 * (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) would stop it, which this kernel does
 * not implement, so they are ignored too.
 */
#define DEFAULT_IGNORED	(sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGSTOP) | \
			 sigmask(20) | sigmask(21) | sigmask(22) | sigmask(23) | sigmask(28))

/* Would @sig be discarded by @p (SIG_IGN, or SIG_DFL for an ignored-by-default signal)? */
static bool signal_ignored(struct task_struct *p, int sig)
{
	unsigned long handler = (unsigned long)p->sigaction_handlers[sig - 1];

	if (sig == SIGKILL)
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && (sigmask(sig) & DEFAULT_IGNORED));
}

/* Make @sig pending for @p and wake it if it sleeps; 0, or -EINVAL for a bad number. */
int send_sig(int sig, struct task_struct *p)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->state == EXIT_ZOMBIE || signal_ignored(p, sig))
		return 0;
	p->pending_signals |= sigmask(sig);
	if (p->state == TASK_INTERRUPTIBLE)
		wake_up_process(p);	/* its sleep returns -EINTR */
	return 0;
}

/* A fault the process caused: it dies of @sig even if it asked to ignore it. */
void force_sig(int sig)
{
	current->sigaction_handlers[sig - 1] = (void __user *)SIG_DFL;
	current->blocked_signals &= ~sigmask(sig);
	current->pending_signals |= sigmask(sig);
}

/* Has @p a pending signal it does not block? */
bool signal_pending(struct task_struct *p)
{
	return p->pending_signals & ~p->blocked_signals;
}

/* The lowest pending, unblocked signal, or 0. */
static int next_signal(struct task_struct *p)
{
	unsigned long pending = p->pending_signals & ~p->blocked_signals;

	return pending ? __builtin_ctzl(pending) + 1 : 0;
}

/*
 * Last stop before user mode (interrupts off): take the CPU away when the
 * time slice is used up, and act on pending signals.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	int sig;

	while (need_resched)
		schedule();
	sig = next_signal(current);
	if (sig) {
		local_irq_enable();
		do_exit(sig);	/* wait status: terminated by signal sig */
	}
}

void exit_to_user_mode_if_user(struct pt_regs *regs)
{
	if (user_mode(regs))
		exit_to_user_mode(regs);
}

/* Faults in user mode other than page faults become signals, as Linux's traps do. */
bool handle_user_exception(struct pt_regs *regs, unsigned int vector)
{
	static const int signal_of_trap[32] = {
		[X86_TRAP_DE] = SIGFPE, [X86_TRAP_DB] = SIGTRAP, [X86_TRAP_BP] = SIGTRAP,
		[X86_TRAP_OF] = SIGSEGV, [X86_TRAP_BR] = SIGSEGV, [X86_TRAP_UD] = SIGILL,
		[X86_TRAP_NM] = SIGSEGV, [X86_TRAP_NP] = SIGBUS, [X86_TRAP_SS] = SIGBUS,
		[X86_TRAP_GP] = SIGSEGV, [X86_TRAP_MF] = SIGFPE, [X86_TRAP_AC] = SIGBUS,
		[X86_TRAP_XF] = SIGFPE,
	};
	int sig = vector < 32 ? signal_of_trap[vector] : 0;

	if (!sig)
		return false;
	printk(KERN_INFO "traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm, current->pid,
	       trap_name(vector), regs->rip, regs->rsp, regs->orig_rax);
	force_sig(sig);
	return true;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *p;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	for_each_process(p) {
		bool match = pid > 0 ? p->pid == pid :
			     pid == 0 ? p->pgid == current->pgid :
			     pid == -1 ? p->pid > 1 && p != current : p->pgid == -pid;

		if (!match || p->pid == 0)
			continue;
		found++;
		if (sig)
			send_sig(sig, p);
	}
	return found ? 0 : -ESRCH;
}

/* The kernel's struct sigaction (x86-64): handler, flags, restorer, mask. */
struct kernel_sigaction {
	void __user *handler;
	unsigned long flags;
	void __user *restorer;
	unsigned long mask;
};

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct kernel_sigaction __user *, action,
		struct kernel_sigaction __user *, old_action, size_t, sigsetsize)
{
	struct kernel_sigaction new = { 0 }, old = { 0 };

	/* in Linux's order: the set size, the copy-in, then the signal */
	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (action && copy_from_user(&new, action, sizeof(new)))
		return -EFAULT;
	if (sig < 1 || sig > _NSIG || (action && (sigmask(sig) & UNCATCHABLE)))
		return -EINVAL;
	old.handler = current->sigaction_handlers[sig - 1];
	if (action) {
		/* only SIG_DFL and SIG_IGN: this kernel does not run user handlers */
		if ((unsigned long)new.handler > SIG_IGN)
			return -EINVAL;
		current->sigaction_handlers[sig - 1] = new.handler;
		if ((unsigned long)new.handler == SIG_IGN)
			current->pending_signals &= ~sigmask(sig);
	}
	if (old_action && copy_to_user(old_action, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const unsigned long __user *, set,
		unsigned long __user *, old_set, size_t, sigsetsize)
{
	unsigned long old = current->blocked_signals, new;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&new, set, sizeof(new)))
			return -EFAULT;
		new &= ~UNCATCHABLE;
		if (how == SIG_BLOCK)
			current->blocked_signals |= new;
		else if (how == SIG_UNBLOCK)
			current->blocked_signals &= ~new;
		else if (how == SIG_SETMASK)
			current->blocked_signals = new;
		else
			return -EINVAL;
	}
	if (old_set && copy_to_user(old_set, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
