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

#define TASK_COMM_LEN		16
#define NR_OPEN_DEFAULT		32	/* file descriptors per task */
#define THREAD_SIZE		(4 * 4096)	/* kernel stack; a guard page lies below */

/* Task states (Linux's values). */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

struct file;
struct pt_regs;

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
	void __user *sigaction_handlers[64];	/* SIG_DFL (0) or SIG_IGN (1) only */
	int time_slice;			/* ticks left before preemption */
	unsigned long wakeup_jiffies;	/* for nanosleep */
	bool traced;			/* print system calls (strace) */
	unsigned long clear_child_tid;	/* set_tid_address */
	struct file *files[NR_OPEN_DEFAULT];
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
/* Sleep on @queue once; the caller re-checks its condition. */
void sleep_on(struct wait_queue_head *queue);
/* Is a signal waiting that should interrupt a sleep (returns -EINTR)? */
bool signal_pending(struct task_struct *p);

#define wait_event_interruptible(queue, condition) ({			\
	int __ret = 0;							\
	while (!(condition)) {						\
		if (signal_pending(current)) {				\
			__ret = -4; /* -EINTR */			\
			break;						\
		}							\
		sleep_on(&(queue));					\
	}								\
	__ret;								\
})

/* Signals (Linux's numbers). */
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define _NSIG		64

/* Queue @sig for @p (it acts on the way back to user mode). 0 or -errno. */
int send_sig(int sig, struct task_struct *p);
/* Queue @sig for the current task: it dies of it on return to user mode. */
void force_sig(int sig);
/* End the current task with wait status @code (never returns). */
__noreturn void do_exit(long code);

#endif
