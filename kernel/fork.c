// SPDX-License-Identifier: MIT
/*
 * Creating tasks: fork() copies the calling process (its address space
 * through dup_mm → dup_mmap, its open files, its signal dispositions) into
 * a new task that returns 0 from the same system call.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <asm/switch_to.h>

static struct kmem_cache *task_struct_cachep;
static pid_t last_pid;

#define MIN_THREADS	20	/* Linux's floor for max_threads */
int nr_threads;		/* tasks made by alloc_task and not yet freed */
int max_threads;	/* fork refuses beyond this many (Linux's kernel.threads-max) */

void thread_stack_area_init(void);
extern struct task_struct init_task;
extern char boot_stack_bottom[];

/*
 * Linux set_max_threads: the task structures and stacks may use at most
 * 1/8 of RAM, and here no more tasks than the stack area has slots.
 */
static void set_max_threads(void)
{
	unsigned long threads = totalram_pages() * PAGE_SIZE / (THREAD_SIZE * 8UL);

	threads = min(threads, (unsigned long)MAX_THREAD_STACKS);
	max_threads = max(threads, (unsigned long)MIN_THREADS);
}

/*
 * Create the task_struct cache and the kernel-stack area (boot, after
 * slab); init's RLIMIT_NPROC and RLIMIT_SIGPENDING are half of
 * max_threads, as Linux's fork_init sets them.
 */
void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 64,
					       SLAB_PANIC, NULL);
	thread_stack_area_init();
	init_task.stack = boot_stack_bottom;
	set_max_threads();
	init_task.rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_task.rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	init_task.rlim[RLIMIT_SIGPENDING] = init_task.rlim[RLIMIT_NPROC];
}

/* The next free pid: counting up, skipping pids in use (as Linux's alloc_pid). */
static pid_t alloc_pid(void)
{
	do {
		if (++last_pid >= 32768)
			last_pid = 2;
	} while (find_task_by_pid(last_pid));
	return last_pid;
}

/*
 * A zeroed task with a kernel stack, empty lists and current's resource
 * limits (as Linux's copy_signal copies them), or NULL.
 */
struct task_struct *alloc_task(void)
{
	struct task_struct *p = kmem_cache_zalloc(task_struct_cachep, GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = alloc_thread_stack();
	if (!p->stack) {
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	nr_threads++;
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->run_list);
	p->pid = alloc_pid();
	return p;
}

/* Free a task that will never run again (a reaped zombie, or a failed fork). */
void free_task(struct task_struct *p)
{
	nr_threads--;
	free_thread_stack(p->stack);
	kmem_cache_free(task_struct_cachep, p);
}

/* Link @p under @parent and into the task list. */
void attach_task(struct task_struct *p, struct task_struct *parent)
{
	p->parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->tasks, &task_list);
}

/*
 * May the current process fork? -EAGAIN at the kernel's max_threads, as
 * Linux's copy_process, else 0.
 */
static int fork_allowed(void)
{
	if (nr_threads >= max_threads)
		return -EAGAIN;
	return 0;
}

/* Copy the current process; returns the child's pid or -errno. */
static long copy_process(const struct pt_regs *regs)
{
	struct task_struct *p;
	int error = fork_allowed();

	if (error)
		return error;
	p = alloc_task();
	if (!p)
		return -ENOMEM;
	fpu_save_current();
	p->mm = dup_mm(current->mm);
	if (!p->mm) {
		free_task(p);
		return -ENOMEM;
	}
	memcpy(p->comm, current->comm, TASK_COMM_LEN);
	p->pgid = current->pgid;
	p->traced = current->traced;
	p->blocked_signals = current->blocked_signals;
	memcpy(p->action, current->action, sizeof(p->action));
	p->thread.fsbase = current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	dup_files(p);
	copy_thread(p, regs);
	attach_task(p, current);
	wake_up_new_task(p);
	return p->pid;
}

SYSCALL_DEFINE0(fork)
{
	return copy_process(task_pt_regs(current));
}

/* vfork's sharing is an optimisation; a full copy has the same meaning for its users. */
SYSCALL_DEFINE0(vfork)
{
	return copy_process(task_pt_regs(current));
}
