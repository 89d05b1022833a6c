/*
 * Interrupt and exception entry. Each vector has a small stub that pushes
 * an error code (the CPU's, or 0) and the vector number, then jumps to
 * common_interrupt, which saves the registers as struct pt_regs and calls
 * do_interrupt(regs). Entries from user mode swap GS to the kernel's.
 */
#include <asm/segment.h>

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
	testb	$3, 24(%rsp)
	jz	1f
	swapgs
1:	SAVE_REGS
	cld
	movq	%rsp, %rdi
	call	do_interrupt
	.globl	ret_from_interrupt
ret_from_interrupt:
	RESTORE_REGS
	testb	$3, 24(%rsp)
	jz	2f
	swapgs
2:	addq	$16, %rsp			/* vector and error code */
	iretq
	.size	common_interrupt, . - common_interrupt

/* Vectors whose exceptions push an error code: #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP */
#define HAS_ERROR_CODE(n) ((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || (n) == 21)

	.macro VECTOR_STUB n
	.balign 16
vector_stub_\n:
	.if !HAS_ERROR_CODE(\n)
	pushq	$0
	.endif
	pushq	$\n
	jmp	common_interrupt
	.endm

	.altmacro
	.macro VECTOR_STUBS from, to
	VECTOR_STUB %from
	.if \to - \from
	VECTOR_STUBS %(\from + 1), \to
	.endif
	.endm

	VECTOR_STUBS 0, 47
	VECTOR_STUB 255

	.macro STUB_ADDRESS n
	.quad	vector_stub_\n
	.endm
	.macro STUB_ADDRESSES from, to
	STUB_ADDRESS %from
	.if \to - \from
	STUB_ADDRESSES %(\from + 1), \to
	.endif
	.endm

	.section .rodata
	.balign 8
	.globl	vector_stubs
vector_stubs:		/* vector_stubs[n] for n = 0..47 */
	STUB_ADDRESSES 0, 47
	.globl	spurious_vector_stub
spurious_vector_stub:
	.quad	vector_stub_255
