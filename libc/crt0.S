/* SPDX-License-Identifier: MIT */
/*
 * _start: the entry point of every user program. The kernel leaves
 * argc at (%rsp), then argv[0..argc-1], NULL, envp[...], NULL, auxv.
 * Calls __libc_start_main(main, argc, argv, envp), which never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp			/* outermost frame for backtraces */
	movq	(%rsp), %rsi			/* argc */
	leaq	8(%rsp), %rdx			/* argv */
	leaq	16(%rsp, %rsi, 8), %rcx		/* envp = &argv[argc + 1] */
	movq	$main, %rdi
	andq	$-16, %rsp			/* the ABI's call alignment */
	call	__libc_start_main
	hlt
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
