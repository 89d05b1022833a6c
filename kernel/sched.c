// SPDX-License-Identifier: MIT
/*
 * The scheduler: one run queue, round robin. A task runs for
 * SCHED_TIME_SLICE ticks (5 ticks of 10 ms at HZ=100, so 50 ms), then the
 * timer marks need_resched and the task is preempted on its way back to
 * user mode (the kernel itself is not preempted, as Linux without
 * CONFIG_PREEMPT). Sleeping tasks wait on wait queues; the idle task
 * (pid 0, the boot context) runs when nothing else can.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/switch_to.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define SCHED_TIME_SLICE	5

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.comm = "swapper/0",
	.children = LIST_HEAD_INIT(init_task.children),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.rlim = INIT_RLIMITS,
};
struct task_struct *current = &init_task;
LIST_HEAD(task_list);
bool need_resched;
unsigned long idle_jiffies;	/* ticks that found the idle task running (/proc/uptime) */
static LIST_HEAD(run_queue);
static DECLARE_WAIT_QUEUE_HEAD(sleepers_by_time);

/* Queue a runnable task at the back of the run queue. */
static void enqueue_task(struct task_struct *p)
{
	if (p != &init_task && list_empty(&p->run_list))
		list_add_tail(&p->run_list, &run_queue);
}

void wake_up_process(struct task_struct *p)
{
	unsigned long flags = local_irq_save();

	if (p->state == TASK_INTERRUPTIBLE) {
		list_del_init(&p->run_list);	/* off the wait queue it slept on */
		p->state = TASK_RUNNING;
		enqueue_task(p);
	}
	local_irq_restore(flags);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags = local_irq_save();

	p->state = TASK_RUNNING;
	enqueue_task(p);
	local_irq_restore(flags);
}

void schedule(void)
{
	struct task_struct *prev = current, *next = &init_task;
	unsigned long flags = local_irq_save();

	need_resched = false;
	if (prev->state == TASK_RUNNING)
		enqueue_task(prev);
	if (!list_empty(&run_queue)) {
		next = list_first_entry(&run_queue, struct task_struct, run_list);
		list_del_init(&next->run_list);
	}
	next->time_slice = SCHED_TIME_SLICE;
	if (next != prev)
		switch_to(prev, next);
	local_irq_restore(flags);
}

void exit_to_user_mode(struct pt_regs *regs);

/* The first thing a new task runs (from ret_from_fork), on its way to user mode. */
void schedule_tail(struct pt_regs *regs)
{
	if (current->set_child_tid)	/* clone's CLONE_CHILD_SETTID, in the child's memory */
		put_user(current->pid, (int __user *)current->set_child_tid);
	exit_to_user_mode(regs);
}

/* Timer tick: wake sleepers whose time came, charge the running task. */
void scheduler_tick(struct pt_regs *regs)
{
	if (current == &init_task)
		idle_jiffies++;
	if (!list_empty(&sleepers_by_time.sleepers))
		wake_up(&sleepers_by_time);
	if (current == &init_task || --current->time_slice <= 0)
		need_resched = true;
}

void init_waitqueue_head(struct wait_queue_head *queue)
{
	INIT_LIST_HEAD(&queue->sleepers);
}

/*
 * Sleep on @queue until woken. Interrupts stay off from the caller's
 * check of its condition to the switch, so a wake-up cannot be lost.
 */
void sleep_on(struct wait_queue_head *queue)
{
	unsigned long flags = local_irq_save();

	current->state = TASK_INTERRUPTIBLE;
	list_add_tail(&current->run_list, &queue->sleepers);
	schedule();
	local_irq_restore(flags);
}

void wake_up(struct wait_queue_head *queue)
{
	unsigned long flags = local_irq_save();

	while (!list_empty(&queue->sleepers))
		wake_up_process(list_first_entry(&queue->sleepers, struct task_struct, run_list));
	local_irq_restore(flags);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* The idle loop: run whatever is runnable, otherwise halt until an interrupt. */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (!list_empty(&run_queue))
			schedule();
		else
			__asm__ __volatile__("sti; hlt" ::: "memory");
	}
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

struct timespec {
	long tv_sec;
	long tv_nsec;
};

#define TIMER_ABSTIME	1	/* clock_nanosleep: the request is a time on the clock */

/*
 * Sleep for the span @t (already checked), in whole ticks rounded up;
 * a signal ends it early with -EINTR, the time left in @remain if given.
 */
static long do_nanosleep(struct timespec t, struct timespec __user *remain)
{
	unsigned long ticks, deadline;
	int interrupted;

	/* a sleep too long to count in ticks is as good as forever (Linux clamps it too) */
	if ((unsigned long)t.tv_sec > LONG_MAX / HZ / 2)
		t.tv_sec = LONG_MAX / HZ / 2;
	ticks = t.tv_sec * HZ + DIV_ROUND_UP((unsigned long)t.tv_nsec, 1000000000UL / HZ);
	deadline = jiffies + ticks;
	interrupted = wait_event_interruptible(sleepers_by_time, (long)(jiffies - deadline) >= 0);
	if (interrupted && remain) {
		unsigned long left = deadline - jiffies;

		t.tv_sec = left / HZ;
		t.tv_nsec = (left % HZ) * (1000000000L / HZ);
		if (copy_to_user(remain, &t, sizeof(t)))
			return -EFAULT;
	}
	return interrupted ? -EINTR : 0;
}

/* Read a struct timespec from user space: 0, -EFAULT, or -EINVAL for a bad one. */
static long get_timespec(struct timespec *t, const struct timespec __user *request)
{
	if (copy_from_user(t, request, sizeof(*t)))
		return -EFAULT;
	if (t->tv_sec < 0 || t->tv_nsec < 0 || t->tv_nsec >= 1000000000L)
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE2(nanosleep, const struct timespec __user *, request, struct timespec __user *, remain)
{
	struct timespec t;
	long err = get_timespec(&t, request);

	return err ? err : do_nanosleep(t, remain);
}

/*
 * clock_nanosleep: as nanosleep on CLOCK_REALTIME, CLOCK_MONOTONIC,
 * CLOCK_BOOTTIME and CLOCK_TAI (all of them the boot clock here), or until
 * a time on that clock with TIMER_ABSTIME (no @remain then, as Linux).
 * Linux's answers for the rest: -EOPNOTSUPP for the clocks that cannot
 * sleep (the raw and coarse ones, and here the CPU-time and alarm clocks),
 * -EINVAL for an unknown clock.
 */
SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		const struct timespec __user *, request, struct timespec __user *, remain)
{
	unsigned long long now, at;
	struct timespec t;
	long err;

	if (which_clock < 0 || which_clock > 11 || which_clock == 10)
		return -EINVAL;
	if (which_clock != 0 && which_clock != 1 && which_clock != 7 && which_clock != 11)
		return -EOPNOTSUPP;
	err = get_timespec(&t, request);
	if (err)
		return err;
	if (!(flags & TIMER_ABSTIME))
		return do_nanosleep(t, remain);
	now = ktime_get_ns();
	at = t.tv_sec * 1000000000ULL + t.tv_nsec;
	if (at <= now)
		return 0;
	t.tv_sec = (at - now) / 1000000000ULL;
	t.tv_nsec = (at - now) % 1000000000ULL;
	return do_nanosleep(t, NULL);
}

/* For oops reports: the running task's PID (0, "swapper/0" during boot). */
int current_pid_for_oops(void)
{
	return current->pid;
}

/* For oops reports: the running task's name. */
const char *current_comm_for_oops(void)
{
	return current->comm;
}
