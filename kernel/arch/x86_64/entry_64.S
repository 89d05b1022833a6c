/*
 * Interrupt and exception entry. Each vector has a small stub that pushes
 * an error code (the CPU's, or 0) and the vector number, then jumps to
 * common_interrupt, which saves the registers as struct pt_regs and calls
 * do_interrupt(regs). Entries from user mode swap GS to the kernel's.
 * Every entry shuts SMAP's door first (ASM_CLAC, as Linux's idtentry):
 * an interrupt that arrives inside a user copy must not run its handler
 * with user memory open; iretq gives the copy its EFLAGS.AC back.
 */
#include <asm/segment.h>
#include <asm/smap.h>

#define PT_REGS_GPRS	(15 * 8)
#define PT_REGS_CS	(PT_REGS_GPRS + 3 * 8)	/* after vector, orig_rax, rip */

	.macro SAVE_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	.endm

	.macro RESTORE_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	.endm

	.text
	.globl	common_interrupt
	.type	common_interrupt, @function
common_interrupt:
	/* stack: vector, error code, rip, cs, rflags, rsp, ss */
	ASM_CLAC
	testb	$3, 24(%rsp)
	jz	1f
	swapgs
1:	SAVE_REGS
	cld
	movq	%rsp, %rdi
	call	do_interrupt
	movq	%rsp, %rdi
	call	exit_to_user_mode_if_user
	.globl	ret_from_interrupt
ret_from_interrupt:
	RESTORE_REGS
	testb	$3, 24(%rsp)
	jz	2f
	swapgs
2:	addq	$16, %rsp			/* vector and error code */
	iretq
	.size	common_interrupt, . - common_interrupt

/*
 * The vector stubs: 48 of them (exceptions 0-31, legacy IRQs 0x20-0x2f),
 * each VECTOR_STUB_SIZE bytes apart from vector_stubs, plus one for the
 * spurious vector. Exceptions that push no error code get a 0 pushed, so
 * that every frame has the same layout.
 */
#define VECTOR_STUB_SIZE 16

	.macro VECTOR_STUB n
	.balign VECTOR_STUB_SIZE
	/* #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP push an error code */
	.if !((\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21))
	pushq	$0
	.endif
	pushq	$\n
	jmp	common_interrupt
	.endm

	.balign VECTOR_STUB_SIZE
	.globl	vector_stubs
	.type	vector_stubs, @function
vector_stubs:
	.set	vector, 0
	.rept	48
	VECTOR_STUB vector
	.set	vector, vector + 1
	.endr
	.size	vector_stubs, . - vector_stubs

	.globl	spurious_vector_stub
	.type	spurious_vector_stub, @function
spurious_vector_stub:
	VECTOR_STUB 255
	.size	spurious_vector_stub, . - spurious_vector_stub

/*
 * System-call entry. `syscall` leaves the user RIP in RCX and RFLAGS in
 * R11 and does not switch stacks: swapgs gives us the per-CPU area
 * (struct cpu_entry_area: a scratch slot and the current kernel stack
 * top), where we park the user RSP and find the kernel stack. We then
 * build the same struct pt_regs an interrupt would (vector = -1) and call
 * do_syscall_64(regs), which returns with interrupts disabled.
 */
#define CPU_USER_RSP	0
#define CPU_STACK_TOP	8
#define PT_RCX		(11 * 8)
#define PT_R11		(6 * 8)
#define PT_RIP		(17 * 8)
#define PT_RFLAGS	(19 * 8)
#define PT_RSP		(20 * 8)

	.text
	.globl	entry_SYSCALL_64
	.type	entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:CPU_USER_RSP
	movq	%gs:CPU_STACK_TOP, %rsp
	pushq	$__USER_DS			/* ss */
	pushq	%gs:CPU_USER_RSP		/* rsp */
	pushq	%r11				/* rflags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* rip */
	pushq	%rax				/* orig_rax: the call number */
	pushq	$-1				/* vector: a system call */
	SAVE_REGS
	movq	%rsp, %rdi
	call	do_syscall_64
	/*
	 * sysret is only safe when it restores exactly what syscall saved
	 * (RCX = RIP, R11 = RFLAGS) and RIP is a user address; otherwise
	 * (execve, signals, fork children) return through iretq.
	 */
	movq	PT_RCX(%rsp), %rcx
	cmpq	PT_RIP(%rsp), %rcx
	jne	ret_from_interrupt
	movq	PT_R11(%rsp), %r11
	cmpq	PT_RFLAGS(%rsp), %r11
	jne	ret_from_interrupt
	movabsq	$0x00007ffffffff000, %r11
	cmpq	%r11, %rcx
	jae	ret_from_interrupt
	RESTORE_REGS
	movq	PT_RSP - 15 * 8(%rsp), %rsp	/* the user stack */
	swapgs
	sysretq
	.size	entry_SYSCALL_64, . - entry_SYSCALL_64

/*
 * void switch_stacks(unsigned long *prev_sp, unsigned long next_sp)
 * Save the callee-saved registers on this stack, store the stack pointer
 * in *prev_sp, continue on next_sp where the next task saved its own.
 */
	.globl	switch_stacks
	.type	switch_stacks, @function
switch_stacks:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	switch_stacks, . - switch_stacks

/*
 * A new task's first switch "returns" here (copy_thread puts this address
 * on its stack), with its struct pt_regs right above: finish the switch
 * in C, then leave for user mode as from any interrupt.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	movq	%rsp, %rdi
	call	schedule_tail
	jmp	ret_from_interrupt
	.size	ret_from_fork, . - ret_from_fork
