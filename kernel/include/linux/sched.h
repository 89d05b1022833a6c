/* SPDX-License-Identifier: MIT */
/*
 * Tasks (processes; one thread each) and the scheduler (kernel/sched.c,
 * kernel/fork.c, kernel/exit.c). `current` is the running task.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <asm/processor.h>
#include <linux/resource.h>
#include <asm-generic/signal.h>
#include <asm-generic/siginfo.h>
#include <uapi/linux/sched.h>

#define TASK_COMM_LEN		16
#define NR_OPEN_DEFAULT		32	/* file descriptors per task */
#define THREAD_SIZE		(4 * 4096)	/* kernel stack; a guard page lies below */

/* Task states (Linux's values). */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

/* One signal's action, as rt_sigaction reads it (Linux's struct k_sigaction, x86-64 layout). */
struct k_sigaction {
	void __user *handler;		/* SIG_DFL (0), SIG_IGN (1) or a user function */
	unsigned long flags;		/* SA_* */
	void __user *restorer;		/* where the handler returns to: it calls rt_sigreturn */
	unsigned long mask;		/* also blocked while the handler runs */
};

/* Why a signal is pending: the part of Linux's kernel_siginfo this kernel fills. */
struct kernel_siginfo {
	int si_code;			/* SI_USER, SI_KERNEL, SEGV_MAPERR, SEGV_ACCERR */
	pid_t si_pid;			/* the sender, for SI_USER */
	unsigned long si_addr;		/* the faulting address, for SEGV_* */
};

struct file;
struct pt_regs;

/*
 * A task's user and group ids (Linux's struct cred, reduced): real,
 * effective and saved. Every process starts as root (all 0); the set
 * calls change them with Linux's rules. Nothing else checks them: the
 * root file system is read-only to everyone.
 */
struct cred {
	unsigned int uid, euid, suid;
	unsigned int gid, egid, sgid;
};

/* What a context switch saves besides the callee-saved registers on the stack. */
struct thread_struct {
	unsigned long sp;		/* kernel stack pointer while switched out */
	unsigned long fsbase;		/* user FS base (arch_prctl ARCH_SET_FS) */
	unsigned long gsbase;		/* user GS base (arch_prctl ARCH_SET_GS) */
	u8 fxsave_area[512] __aligned(16);	/* user FPU/SSE state (fxsave) */
};

struct task_struct {
	volatile long state;		/* TASK_* / EXIT_* */
	pid_t pid;
	pid_t pgid;			/* process group (Ctrl-C goes to the foreground one) */
	char comm[TASK_COMM_LEN];	/* executable name, as Linux's comm */
	struct mm_struct *mm;		/* address space; NULL for kernel threads */
	struct task_struct *parent;
	struct list_head children;	/* my children (linked by sibling) */
	struct list_head sibling;	/* in parent->children */
	struct list_head tasks;		/* in the list of every task */
	struct list_head run_list;	/* in the run queue while runnable */
	void *stack;			/* lowest address of the kernel stack */
	int exit_code;			/* wait status, encoded as Linux's */
	unsigned long pending_signals;	/* bit (sig - 1) per pending signal */
	unsigned long blocked_signals;	/* rt_sigprocmask mask */
	struct k_sigaction action[_NSIG];	/* rt_sigaction, index sig - 1 */
	struct kernel_siginfo pending_info[_NSIG];	/* for each pending signal, index sig - 1 */
	int time_slice;			/* ticks left before preemption */
	unsigned long wakeup_jiffies;	/* for nanosleep */
	bool traced;			/* print system calls (strace) */
	struct cred cred;		/* user and group ids */
	struct file *exe_file;		/* the program it runs (/proc/PID/exe), referenced */
	unsigned long set_child_tid;	/* CLONE_CHILD_SETTID: the tid goes there as it first runs */
	unsigned long clear_child_tid;	/* set_tid_address, CLONE_CHILD_CLEARTID */
	int exit_signal;		/* sent to the parent at exit (SIGCHLD; 0: none) */
	bool vfork_pending;		/* a vfork parent sleeps until this task execs or exits */
	struct file *files[NR_OPEN_DEFAULT];
	unsigned long stack_canary;	/* this task's stack-protector canary (asm/stackprotector.h) */
	unsigned long close_on_exec;	/* bit fd: FD_CLOEXEC (NR_OPEN_DEFAULT <= 64) */
	struct rlimit rlim[RLIM_NLIMITS];	/* resource limits: fork copies them, exec keeps them */
	struct thread_struct thread;
};

extern struct task_struct *current;
extern struct list_head task_list;	/* every task, by tasks */
extern bool need_resched;
extern unsigned long idle_jiffies;	/* ticks spent idle, for /proc/uptime */

#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

/* Give up the CPU to the next runnable task (returns when picked again). */
void schedule(void);
/* The timer interrupt's hook (every jiffy): wake sleepers, end time slices. */
void scheduler_tick(struct pt_regs *regs);
/* Make a sleeping @p runnable: off its wait queue, onto the run queue. */
void wake_up_process(struct task_struct *p);
/* Queue a task that has never run (fork, init). */
void wake_up_new_task(struct task_struct *p);
struct task_struct *find_task_by_pid(pid_t pid);

/*
 * A wait queue: tasks sleeping until an event. Sleep with
 * wait_event_interruptible(queue, condition); wake with wake_up(&queue).
 */
struct wait_queue_head {
	struct list_head sleepers;
};
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = { LIST_HEAD_INIT(name.sleepers) }
void init_waitqueue_head(struct wait_queue_head *queue);
void wake_up(struct wait_queue_head *queue);
/*
 * Sleep on @queue once; the caller re-checks its condition. Call it with
 * interrupts off since that test, so that no wake-up falls in between.
 */
void sleep_on(struct wait_queue_head *queue);
/*
 * Is a signal waiting that should interrupt a sleep? wait_event_interruptible
 * then returns -ERESTARTSYS: the call is restarted after a handler with
 * SA_RESTART (or none), otherwise the caller sees -EINTR.
 */
bool signal_pending(struct task_struct *p);

/*
 * The condition and the pending signals are tested with interrupts off,
 * up to the switch in sleep_on: a wake-up or a signal sent by an interrupt
 * handler (a typed key, Ctrl-C, the timer) cannot fall between the test
 * and the sleep and be missed.
 */
#define wait_event_interruptible(queue, condition) ({			\
	int __ret = 0;							\
	unsigned long __flags = local_irq_save();			\
	while (!(condition)) {						\
		if (signal_pending(current)) {				\
			__ret = -512; /* -ERESTARTSYS */		\
			break;						\
		}							\
		sleep_on(&(queue));					\
	}								\
	local_irq_restore(__flags);					\
	__ret;								\
})


/*
 * Queue @sig for @p, sent by the kernel (si_code SI_KERNEL); it acts on
 * the way back to user mode. 0 or -errno.
 */
int send_sig(int sig, struct task_struct *p);
/* Queue @sig for @p with @info (kill: SI_USER and the sender). 0 or -errno. */
int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *p);
/*
 * Queue @sig for the current task because of what it did (a fault, a bad
 * signal frame): a handler it has runs, unless it blocks or ignores @sig,
 * which then gets its default action (Linux's force_sig).
 */
void force_sig(int sig);
/* force_sig for a fault at @address (si_code SEGV_MAPERR or SEGV_ACCERR, si_addr). */
void force_sig_fault(int sig, int code, unsigned long address);
/* Will @sig end @p rather than run a handler (Linux's unhandled_signal)? */
bool unhandled_signal(struct task_struct *p, int sig);
/* Set the current task's blocked signals (SIGKILL and SIGSTOP never are). */
void set_current_blocked(unsigned long mask);
/*
 * Build the signal frame (kernel/arch/x86_64/signal.c) for a handler of
 * @sig and point @regs at the handler; @blocked is the mask to restore.
 * 0, or -EFAULT when the frame cannot be written (no SA_RESTORER, bad stack).
 */
int setup_rt_frame(int sig, const struct k_sigaction *action, const struct kernel_siginfo *info,
		   unsigned long blocked, struct pt_regs *regs);
/* @tsk leaves @mm by exit or exec: wake its vfork parent, clear its child tid. */
void mm_release(struct task_struct *tsk, struct mm_struct *mm);
/* End the current task with wait status @code (never returns). */
__noreturn void do_exit(long code);

#endif
