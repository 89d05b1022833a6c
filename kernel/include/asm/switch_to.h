/* SPDX-License-Identifier: MIT */
/* The architecture side of tasks (kernel/arch/x86_64/process.c). */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

struct task_struct;
struct pt_regs;

/* Set up the syscall MSRs, the per-CPU area and the FPU; boot task = @idle. */
void syscall_init(struct task_struct *idle);
/* Switch from @prev to @next: stack, page tables, FS base, FPU state. */
void switch_to(struct task_struct *prev, struct task_struct *next);
/*
 * Prepare @child's kernel stack so that its first switch returns to user
 * mode with @regs (a copy of the parent's, with rax = 0 for fork).
 */
void copy_thread(struct task_struct *child, const struct pt_regs *regs);
/* Prepare @p to start in the kernel function @fn (which must never return) at its first switch. */
void copy_kernel_thread(struct task_struct *p, void (*fn)(void));
/* Leave the kernel for user mode with @regs (the end of kernel_init). */
__attribute__((noreturn)) void return_to_user_mode(struct pt_regs *regs);
/* Make @regs enter user mode at @ip with stack @sp and a clean FPU (execve). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
/* The saved user registers at the top of @task's kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *task);
/* Save the current task's FPU state into its thread (before fork copies it). */
void fpu_save_current(void);
/* Reset the running task's FPU to the state programs start with (signal handlers start so). */
void fpu_reset_current(void);
/* Load the user-supplied fxsave image @state (16-byte aligned; MXCSR sanitized in place). */
void fpu_restore_current(u8 *state);

/* Kernel stacks with an unmapped guard page below (kernel/arch/x86_64/stack.c). */
#define MAX_THREAD_STACKS	1024	/* slots in the stack area: at most this many tasks */
void *alloc_thread_stack(void);
void free_thread_stack(void *stack);

#endif
