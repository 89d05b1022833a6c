// SPDX-License-Identifier: MIT
/*
 * setjmp saves the registers the x86-64 ABI says a call preserves, the
 * stack pointer as the caller will see it and the return address;
 * longjmp puts them back and returns @value (1 if @value is 0) from
 * that setjmp call. Written as assembly at file scope: no compiler
 * prologue may touch the stack in between.
 */
#include <setjmp.h>

__asm__(
	"	.text\n"
	"	.globl	setjmp\n"
	"	.type	setjmp, @function\n"
	"setjmp:\n"
	"	movq	%rbx, 0(%rdi)\n"
	"	movq	%rbp, 8(%rdi)\n"
	"	movq	%r12, 16(%rdi)\n"
	"	movq	%r13, 24(%rdi)\n"
	"	movq	%r14, 32(%rdi)\n"
	"	movq	%r15, 40(%rdi)\n"
	"	leaq	8(%rsp), %rdx\n"	/* rsp after this call returns */
	"	movq	%rdx, 48(%rdi)\n"
	"	movq	(%rsp), %rdx\n"		/* the return address */
	"	movq	%rdx, 56(%rdi)\n"
	"	xorl	%eax, %eax\n"
	"	ret\n"
	"	.size	setjmp, . - setjmp\n"
	"\n"
	"	.globl	longjmp\n"
	"	.type	longjmp, @function\n"
	"longjmp:\n"
	"	movl	%esi, %eax\n"
	"	testl	%eax, %eax\n"
	"	jnz	1f\n"
	"	incl	%eax\n"			/* longjmp(env, 0) returns 1 */
	"1:	movq	0(%rdi), %rbx\n"
	"	movq	8(%rdi), %rbp\n"
	"	movq	16(%rdi), %r12\n"
	"	movq	24(%rdi), %r13\n"
	"	movq	32(%rdi), %r14\n"
	"	movq	40(%rdi), %r15\n"
	"	movq	48(%rdi), %rsp\n"
	"	jmpq	*56(%rdi)\n"
	"	.size	longjmp, . - longjmp\n");
