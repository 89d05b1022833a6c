// SPDX-License-Identifier: MIT
/*
 * Creating tasks: fork() copies the calling process (its address space
 * through dup_mm → dup_mmap, its open files, its signal dispositions) into
 * a new task that returns 0 from the same system call. clone() does the
 * same with the flags glibc and musl use for fork, vfork and posix_spawn;
 * vfork's child shares the address space while its parent sleeps.
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
#include <linux/capability.h>
#include <linux/uaccess.h>
#include <asm/switch_to.h>
#include <asm/stackprotector.h>
#include <asm/processor.h>

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
	p->stack_canary = get_random_canary();
	return p;
}

/* Free a task that will never run again (a reaped zombie, or a failed fork). */
void free_task(struct task_struct *p)
{
	nr_threads--;
	if (p->exe_file)
		fput(p->exe_file);
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

/* Processes (zombies included, as Linux counts them until reaped) of real user @uid. */
static unsigned long nr_user_processes(unsigned int uid)
{
	struct task_struct *p;
	unsigned long count = 0;

	for_each_process(p)
		if (p->cred.uid == uid)
			count++;
	return count;
}

/*
 * May the current process fork? As Linux's copy_process: -EAGAIN when its
 * real user has RLIMIT_NPROC processes already (root and CAP_SYS_RESOURCE
 * or CAP_SYS_ADMIN are exempt), or when the kernel has max_threads tasks.
 */
static int fork_allowed(void)
{
	if (current->cred.uid != 0 && !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN) &&
	    nr_user_processes(current->cred.uid) >= rlimit(RLIMIT_NPROC))
		return -EAGAIN;
	if (nr_threads >= max_threads)
		return -EAGAIN;
	return 0;
}

/* What clone asks for (Linux's struct kernel_clone_args). */
struct kernel_clone_args {
	unsigned long flags;		/* CLONE_* */
	int exit_signal;		/* sent to the parent when the child ends */
	int __user *parent_tid;		/* CLONE_PARENT_SETTID */
	int __user *child_tid;		/* CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID */
	unsigned long stack;		/* the child's user stack pointer; 0: the parent's */
	unsigned long tls;		/* CLONE_SETTLS: the child's FS base */
};

/*
 * The clone flags this kernel implements: fork's and vfork's. Processes
 * have one thread and their own files, working directory and signal
 * handlers, so CLONE_THREAD, CLONE_SIGHAND, CLONE_FILES, CLONE_FS, the
 * namespaces and the rest are -EINVAL (CLONE_DETACHED is ignored, as
 * Linux ignores it). CLONE_VM is accepted only with CLONE_VFORK: the
 * parent sleeps while the child uses its memory.
 */
#define CLONE_SUPPORTED	(CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
			 CLONE_CHILD_CLEARTID | CLONE_DETACHED)

static DECLARE_WAIT_QUEUE_HEAD(vfork_wait);

/*
 * @tsk leaves @mm, by exit or exec (Linux's mm_release): a vfork parent
 * waiting for it wakes; with CLONE_CHILD_CLEARTID the tid word is zeroed
 * if another task still uses @mm and could look (Linux also wakes a futex
 * waiter there; here none can wait: processes have one thread, and a vfork
 * parent sleeps in the kernel). Runs while @mm is still the address space.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (mm->mm_users > 1)
			put_user(0, (int __user *)tsk->clear_child_tid);
		tsk->clear_child_tid = 0;
	}
	if (tsk->vfork_pending) {
		tsk->vfork_pending = false;
		wake_up(&vfork_wait);
	}
}

/* The vfork parent sleeps until @child has exec'd or exited (Linux's wait_for_vfork_done). */
static void wait_for_vfork_done(struct task_struct *child)
{
	const unsigned long sigkill = 1UL << (SIGKILL - 1);

	local_irq_disable();
	/* SIGKILL ends the wait, as Linux's killable one: the child keeps the mm alive */
	while (child->vfork_pending && !(current->pending_signals & sigkill))
		sleep_on(&vfork_wait);
	local_irq_enable();
}

/* Copy the current process as @args asks; returns the new task or ERR_PTR(-errno). */
static struct task_struct *copy_process(const struct pt_regs *regs,
					const struct kernel_clone_args *args)
{
	struct task_struct *p;
	int error = fork_allowed();

	if (error)
		return ERR_PTR(error);
	p = alloc_task();
	if (!p)
		return ERR_PTR(-ENOMEM);
	fpu_save_current();
	if (args->flags & CLONE_VM) {
		mmget(current->mm);
		p->mm = current->mm;
	} else {
		p->mm = dup_mm(current->mm);
	}
	if (!p->mm) {
		free_task(p);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(p->comm, current->comm, TASK_COMM_LEN);
	p->pgid = current->pgid;
	p->traced = current->traced;
	p->blocked_signals = current->blocked_signals;
	memcpy(p->action, current->action, sizeof(p->action));
	p->thread.fsbase = args->flags & CLONE_SETTLS ? args->tls : current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	p->exit_signal = args->exit_signal;
	p->cred = current->cred;
	p->exe_file = current->exe_file;
	if (p->exe_file)
		get_file(p->exe_file);
	if (args->flags & CLONE_CHILD_SETTID)
		p->set_child_tid = (unsigned long)args->child_tid;
	if (args->flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (unsigned long)args->child_tid;
	p->vfork_pending = args->flags & CLONE_VFORK;
	dup_files(p);
	copy_thread(p, regs);
	if (args->stack)
		task_pt_regs(p)->rsp = args->stack;
	attach_task(p, current);
	return p;
}

/*
 * Linux's kernel_clone: check the flags, copy the process, store the
 * child's tid for CLONE_PARENT_SETTID, start the child, and for
 * CLONE_VFORK sleep until it execs or exits. The child's pid or -errno.
 */
static long kernel_clone(const struct kernel_clone_args *args)
{
	struct task_struct *p;
	pid_t pid;

	if (args->flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	if ((args->flags & CLONE_VM) && !(args->flags & CLONE_VFORK))
		return -EINVAL;		/* a thread: not supported */
	if (args->exit_signal > _NSIG)
		return -EINVAL;
	/* as arch_prctl(ARCH_SET_FS): a base outside user space would fault at the switch */
	if ((args->flags & CLONE_SETTLS) && args->tls >= TASK_SIZE)
		return -EPERM;
	p = copy_process(task_pt_regs(current), args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p);
	return pid;
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

/* vfork: the child shares the parent's memory, which sleeps until the child execs or exits. */
SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* clone(2), x86-64's argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(&args);
}
