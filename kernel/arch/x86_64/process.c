// SPDX-License-Identifier: MIT
/*
 * Tasks on x86_64: the syscall MSRs and the per-CPU entry area, context
 * switching, the first entry of a new task, and the FPU/SSE state of user
 * programs (the kernel itself never uses SSE, so only user state is saved,
 * with fxsave/fxrstor at each switch).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/switch_to.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/pgtable.h>
#include <asm/stackprotector.h>
#include <linux/strace.h>

#define X86_CR0_MP		(1UL << 1)
#define X86_CR0_EM		(1UL << 2)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)
#define EFLAGS_RESERVED		(1UL << 1)
#define ARCH_SET_GS		0x1001
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003
#define ARCH_GET_GS		0x1004

/* What entry_SYSCALL_64 finds at %gs:0 (offsets fixed there). */
struct cpu_entry_area {
	unsigned long user_rsp;		/* scratch while switching stacks */
	unsigned long stack_top;	/* current task's kernel stack top */
};

static struct cpu_entry_area cpu_entry;

/* The running task's stack-protector canary (asm/stackprotector.h): Linux's per-CPU slot. */
unsigned long __stack_chk_guard;
static u8 initial_fpu_state[512] __aligned(16);

extern char entry_SYSCALL_64[];
extern char ret_from_fork[];
void switch_stacks(unsigned long *prev_sp, unsigned long next_sp);

/* The user registers saved at the top of @task's kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)((char *)task->stack + THREAD_SIZE) - 1;
}

/* Load control register 0 (the FPU bits EM and MP live here). */
static void write_cr0(unsigned long value)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(value));
}

/* Load control register 4 (OSFXSR, OSXMMEXCPT enable SSE). */
static void write_cr4(unsigned long value)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(value));
}

/* Enable SSE for user space and record the FPU's reset state for execve. */
static void fpu_init(void)
{
	u32 mxcsr = 0x1f80;	/* all exceptions masked, as Linux starts programs */

	write_cr0((read_cr0() & ~X86_CR0_EM) | X86_CR0_MP);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit; ldmxcsr %0; fxsave %1" : : "m"(mxcsr), "m"(initial_fpu_state));
}

/* Save the running task's FPU/SSE registers into its fxsave_area. */
void fpu_save_current(void)
{
	__asm__ __volatile__("fxsave %0" : "=m"(current->thread.fxsave_area));
}

/* Give the running task the FPU state programs start with (a signal handler's, as Linux's fpu__clear_user_states). */
void fpu_reset_current(void)
{
	__asm__ __volatile__("fxrstor %0" : : "m"(initial_fpu_state));
}

/*
 * Load @state, a 16-byte aligned fxsave image that user space supplied,
 * into the running task's FPU; MXCSR bits the CPU does not support are
 * cleared first, since fxrstor would fault on them (Linux sanitizes with
 * mxcsr_feature_mask the same way).
 */
void fpu_restore_current(u8 *state)
{
	u32 mxcsr_mask = *(u32 *)(initial_fpu_state + 28);

	*(u32 *)(state + 24) &= mxcsr_mask ? mxcsr_mask : 0xffbf;	/* 0: the default mask */
	__asm__ __volatile__("fxrstor %0" : : "m"(*(u8 (*)[512])state));
}

/*
 * Set up the syscall instruction (MSRs STAR, LSTAR, SFMASK), GS for the
 * entry code, and the FPU; @idle is the boot task whose stack is in use.
 */
void syscall_init(struct task_struct *idle)
{
	/* sysret: CS = STAR[63:48] + 16, SS = + 8; syscall: CS = STAR[47:32] */
	wrmsr(MSR_STAR, ((u64)(__USER_DS - 8 - 3) << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	/* interrupts off, direction forward, no single-step or alignment checks on entry */
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC);
	wrmsr(MSR_GS_BASE, (u64)&cpu_entry);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	cpu_entry.stack_top = (unsigned long)idle->stack + THREAD_SIZE;
	fpu_init();
}

/*
 * Switch from @prev to @next: save @prev's FPU and FS/GS bases, load
 * @next's address space, FPU, bases and kernel stack, then switch stacks.
 * Returns when @prev is scheduled again.
 */
void switch_to(struct task_struct *prev, struct task_struct *next)
{
	unsigned long stack_top = (unsigned long)next->stack + THREAD_SIZE;

	if (prev->mm)
		__asm__ __volatile__("fxsave %0" : "=m"(prev->thread.fxsave_area));
	prev->thread.fsbase = rdmsr(MSR_FS_BASE);
	prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	if (next->mm && next->mm != prev->mm)
		write_cr3(__pa(next->mm->pgd));
	if (next->mm)
		__asm__ __volatile__("fxrstor %0" : : "m"(next->thread.fxsave_area));
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	cpu_entry.stack_top = stack_top;
	tss_set_kernel_stack(stack_top);
	/* frames on @next's stack were made with its canary; this frame's check runs there too */
	__stack_chk_guard = next->stack_canary;
	current = next;
	switch_stacks(&prev->thread.sp, next->thread.sp);
}

/*
 * Make fork's @child resume at ret_from_fork with a copy of @regs (rax 0)
 * and of the parent's FPU state. Assumes @child->stack is allocated.
 */
void copy_thread(struct task_struct *child, const struct pt_regs *regs)
{
	struct pt_regs *child_regs = task_pt_regs(child);
	unsigned long *frame = (unsigned long *)child_regs;

	*child_regs = *regs;
	child_regs->rax = 0;			/* fork returns 0 in the child */
	*--frame = (unsigned long)ret_from_fork;	/* switch_stacks' ret goes here */
	for (int i = 0; i < 6; i++)
		*--frame = 0;			/* rbp, rbx, r12-r15 */
	child->thread.sp = (unsigned long)frame;
	memcpy(child->thread.fxsave_area, current->thread.fxsave_area, 512);
}

/* Make @p start running @fn on its own stack, with a clean FPU state. */
void copy_kernel_thread(struct task_struct *p, void (*fn)(void))
{
	unsigned long *frame = (unsigned long *)task_pt_regs(p);

	*--frame = (unsigned long)fn;		/* switch_stacks' ret goes here */
	for (int i = 0; i < 6; i++)
		*--frame = 0;
	p->thread.sp = (unsigned long)frame;
	memcpy(p->thread.fxsave_area, initial_fpu_state, 512);
}

void exit_to_user_mode(struct pt_regs *regs);
extern char ret_from_interrupt[];

/* Leave the kernel for user mode with @regs (execve of init); does not return. */
void return_to_user_mode(struct pt_regs *regs)
{
	local_irq_disable();
	exit_to_user_mode(regs);
	__asm__ __volatile__("movq %0, %%rsp; jmp ret_from_interrupt" : : "r"(regs) : "memory");
	__builtin_unreachable();
}

/*
 * Point the user registers @regs at @ip and @sp for a freshly exec'd
 * program, with interrupts on, FS/GS bases 0 and a reset FPU.
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rflags = X86_EFLAGS_IF | EFLAGS_RESERVED;
	regs->vector = -1UL;
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	memcpy(current->thread.fxsave_area, initial_fpu_state, 512);
	__asm__ __volatile__("fxrstor %0" : : "m"(current->thread.fxsave_area));
}

/*
 * arch_prctl(2): set or get the FS or GS base; other options go to
 * strace_arch_prctl(). Returns 0, -EPERM for a kernel address, -EFAULT.
 */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, address)
{
	switch (option) {
	case ARCH_SET_FS:
		if (address >= TASK_SIZE)
			return -EPERM;
		current->thread.fsbase = address;
		wrmsr(MSR_FS_BASE, address);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)address);
	case ARCH_SET_GS:
		if (address >= TASK_SIZE)
			return -EPERM;
		current->thread.gsbase = address;
		wrmsr(MSR_KERNEL_GS_BASE, address);	/* the user's GS while we are in the kernel */
		return 0;
	case ARCH_GET_GS:
		return put_user(current->thread.gsbase, (unsigned long __user *)address);
	default:
		return strace_arch_prctl(option, address);
	}
}
