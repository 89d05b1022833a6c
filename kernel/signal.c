// SPDX-License-Identifier: MIT
/*
 * Signals (Linux's kernel/signal.c, one thread per process, no real-time
 * queue): a signal is ignored (SIG_IGN, or SIG_DFL for SIGCHLD and the
 * like), ends the process (SIG_DFL), or runs a user handler. Pending
 * signals act when the task is next on its way back to user mode
 * (exit_to_user_mode): it dies with the signal as its wait status, or a
 * frame is built on its stack (kernel/arch/x86_64/signal.c) that runs the
 * handler and returns through rt_sigreturn. A system call interrupted by
 * a signal returns -ERESTARTSYS, which becomes -EINTR or a restart here.
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

/* Is @handler's action for @sig to discard it (SIG_IGN, or SIG_DFL for an ignored-by-default signal)? */
static bool sig_handler_ignored(unsigned long handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && (sigmask(sig) & DEFAULT_IGNORED));
}

/* Would @sig be discarded by @p? SIGKILL never is. */
static bool signal_ignored(struct task_struct *p, int sig)
{
	if (sig == SIGKILL)
		return false;
	return sig_handler_ignored((unsigned long)p->action[sig - 1].handler, sig);
}

/*
 * Make @sig pending for @p with @info and wake it if it sleeps; 0, or
 * -EINVAL for a bad number. A standard signal already pending keeps its
 * first siginfo (Linux's legacy_queue).
 */
int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->state == EXIT_ZOMBIE || signal_ignored(p, sig))
		return 0;
	if (!(p->pending_signals & sigmask(sig)))
		p->pending_info[sig - 1] = *info;
	p->pending_signals |= sigmask(sig);
	if (p->state == TASK_INTERRUPTIBLE)
		wake_up_process(p);	/* its sleep returns -ERESTARTSYS */
	return 0;
}

int send_sig(int sig, struct task_struct *p)
{
	const struct kernel_siginfo info = { .si_code = SI_KERNEL };

	return send_sig_info(sig, &info, p);
}

/* Linux's force_sig_info_to_task: a blocked or ignored @sig is reset to its default. */
static void force_sig_info(int sig, const struct kernel_siginfo *info)
{
	struct k_sigaction *action = &current->action[sig - 1];

	if ((current->blocked_signals & sigmask(sig)) ||
	    (unsigned long)action->handler == SIG_IGN) {
		action->handler = (void __user *)SIG_DFL;
		current->blocked_signals &= ~sigmask(sig);
	}
	if (!(current->pending_signals & sigmask(sig)))
		current->pending_info[sig - 1] = *info;
	current->pending_signals |= sigmask(sig);
}

void force_sig(int sig)
{
	const struct kernel_siginfo info = { .si_code = SI_KERNEL };

	force_sig_info(sig, &info);
}

void force_sig_fault(int sig, int code, unsigned long address)
{
	const struct kernel_siginfo info = { .si_code = code, .si_addr = address };

	force_sig_info(sig, &info);
}

bool unhandled_signal(struct task_struct *p, int sig)
{
	unsigned long handler = (unsigned long)p->action[sig - 1].handler;

	return handler == SIG_DFL || handler == SIG_IGN || (p->blocked_signals & sigmask(sig));
}

/* A handler of @sig could not be started: die of SIGSEGV (Linux's force_sigsegv). */
static void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->action[SIGSEGV - 1].handler = (void __user *)SIG_DFL;
	force_sig(SIGSEGV);
}

void set_current_blocked(unsigned long mask)
{
	current->blocked_signals = mask & ~UNCATCHABLE;
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
 * Linux's get_signal: take pending signals off the queue until one has a
 * handler (returned, with its action in @action and siginfo in @info;
 * SA_RESETHAND puts the default back). Ignored ones are dropped; one whose
 * default action is fatal ends the task. 0 when none is left.
 */
static int get_signal(struct k_sigaction *action, struct kernel_siginfo *info)
{
	int sig;

	while ((sig = next_signal(current))) {
		unsigned long handler;

		current->pending_signals &= ~sigmask(sig);
		*info = current->pending_info[sig - 1];
		*action = current->action[sig - 1];
		handler = (unsigned long)action->handler;
		if (sig_handler_ignored(handler, sig) && sig != SIGKILL)
			continue;
		if (handler == SIG_DFL || sig == SIGKILL)
			do_exit(sig);	/* wait status: terminated by signal sig */
		if (action->flags & SA_RESETHAND)
			current->action[sig - 1].handler = (void __user *)SIG_DFL;
		return sig;
	}
	return 0;
}

/* Did @regs enter the kernel by a system call whose result rax now holds? */
static bool in_syscall(const struct pt_regs *regs)
{
	/* rt_sigreturn's rax is the interrupted context's, not a result */
	return regs->vector == -1UL && regs->orig_rax != __NR_rt_sigreturn;
}

/* Make the system call of @regs run again when user mode resumes (syscall is 2 bytes). */
static void restart_syscall(struct pt_regs *regs)
{
	regs->rax = regs->orig_rax;
	regs->rip -= 2;
}

/*
 * Linux's handle_signal: settle an interrupted system call (-EINTR, or
 * restarted under SA_RESTART), build the frame that runs the handler of
 * @sig, and block the handler's mask (and @sig itself unless SA_NODEFER).
 */
static void handle_signal(int sig, const struct k_sigaction *action,
			  const struct kernel_siginfo *info, struct pt_regs *regs)
{
	unsigned long blocked = current->blocked_signals;

	if (in_syscall(regs)) {
		switch ((long)regs->rax) {
		case -ERESTARTNOHAND:
			regs->rax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(action->flags & SA_RESTART)) {
				regs->rax = -EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			restart_syscall(regs);
			break;
		}
	}
	if (setup_rt_frame(sig, action, info, blocked, regs)) {
		force_sigsegv(sig);
		return;
	}
	blocked |= action->mask;
	if (!(action->flags & SA_NODEFER))
		blocked |= sigmask(sig);
	set_current_blocked(blocked);
}

/* Linux's arch_do_signal_or_restart: run the next handler, or restart an interrupted call. */
static void do_signal(struct pt_regs *regs)
{
	struct k_sigaction action;
	struct kernel_siginfo info;
	int sig = get_signal(&action, &info);

	if (sig) {
		handle_signal(sig, &action, &info, regs);
		return;
	}
	if (in_syscall(regs)) {
		switch ((long)regs->rax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			restart_syscall(regs);
			break;
		}
	}
}

/*
 * Last stop before user mode (interrupts off): take the CPU away when the
 * time slice is used up, and act on pending signals (interrupts on while
 * a frame is written: the user stack may fault). Each handler started
 * stacks its frame on the previous one, as in Linux.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		if (need_resched) {
			schedule();
			continue;
		}
		if (!signal_pending(current))
			break;
		local_irq_enable();
		do_signal(regs);
		local_irq_disable();
	}
	/* a call interrupted by a signal that went away (blocked again, ignored) is redone */
	if (in_syscall(regs) && (long)regs->rax <= -ERESTARTSYS && (long)regs->rax >= -ERESTARTNOHAND)
		restart_syscall(regs);
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
	const struct kernel_siginfo info = { .si_code = SI_USER, .si_pid = current->pid };
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
			send_sig_info(sig, &info, p);
	}
	return found ? 0 : -ESRCH;
}

/* Linux's do_tkill: @sig to task @pid, which must lead thread group @tgid if @tgid > 0. */
static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	const struct kernel_siginfo info = { .si_code = SI_TKILL, .si_pid = current->pid };
	struct task_struct *p = find_task_by_pid(pid);

	if (!p || (tgid > 0 && p->pid != tgid))
		return -ESRCH;
	return sig ? send_sig_info(sig, &info, p) : 0;
}

/* tgkill(2): a signal to one thread; processes here have one, whose tid is the pid. */
SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/*
 * rt_sigaction(2): read and/or set the action of @sig (struct k_sigaction is
 * the kernel's struct sigaction on x86-64). A handler needs SA_RESTORER to
 * run (checked when the frame is built, as Linux does). Setting an action
 * that ignores @sig discards it if pending.
 */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, action,
		struct k_sigaction __user *, old_action, size_t, sigsetsize)
{
	struct k_sigaction new = { 0 }, old;

	/* in Linux's order: the set size, the copy-in, then the signal */
	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (action && copy_from_user(&new, action, sizeof(new)))
		return -EFAULT;
	if (sig < 1 || sig > _NSIG || (action && (sigmask(sig) & UNCATCHABLE)))
		return -EINVAL;
	old = current->action[sig - 1];
	if (action) {
		new.mask &= ~UNCATCHABLE;
		current->action[sig - 1] = new;
		if (sig_handler_ignored((unsigned long)new.handler, sig))
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
