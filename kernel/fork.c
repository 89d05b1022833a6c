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
#include <asm/stackprotector.h>

static struct kmem_cache *task_struct_cachep;
static pid_t last_pid;

void thread_stack_area_init(void);
extern struct task_struct init_task;
extern char boot_stack_bottom[];

/* Create the task_struct cache and the kernel-stack area (boot, after slab). */
void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 64,
					       SLAB_PANIC, NULL);
	thread_stack_area_init();
	init_task.stack = boot_stack_bottom;
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

/* A zeroed task with a kernel stack and empty lists, or NULL. */
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
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->run_list);
	p->pid = alloc_pid();
	p->stack_canary = get_random_canary();
	return p;
}

/* Free a task that will never run again (a reaped zombie, or a failed fork). */
void free_task(struct task_struct *p)
{
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

/* Copy the current process; returns the child's pid or -errno. */
static long copy_process(const struct pt_regs *regs)
{
	struct task_struct *p = alloc_task();

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
