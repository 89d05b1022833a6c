/*
 * The user-copy primitives. Each instruction that touches user memory is
 * listed in the exception table (__ex_table) with a fixup address: if it
 * faults on a page no VMA allows, the page-fault handler gives up, traps.c
 * finds the entry and resumes at the fixup, which returns what was not
 * copied. Range checks (access_ok) are done by the C callers.
 */
	.macro EX_ENTRY insn, fixup
	.pushsection __ex_table, "a"
	.balign 8
	.quad	\insn, \fixup
	.popsection
	.endm

	.text
/* unsigned long raw_copy_user(void *to, const void *from, unsigned long n): bytes NOT copied */
	.globl	raw_copy_user
	.type	raw_copy_user, @function
raw_copy_user:
	movq	%rdx, %rcx
1:	rep movsb
	movq	%rcx, %rax			/* 0 when everything was copied */
	ret
	EX_ENTRY 1b, 2f
2:	movq	%rcx, %rax
	ret
	.size	raw_copy_user, . - raw_copy_user

/* unsigned long raw_clear_user(void *to, unsigned long n): bytes NOT cleared */
	.globl	raw_clear_user
	.type	raw_clear_user, @function
raw_clear_user:
	movq	%rsi, %rcx
	xorl	%eax, %eax
3:	rep stosb
	movq	%rcx, %rax
	ret
	EX_ENTRY 3b, 4f
4:	movq	%rcx, %rax
	ret
	.size	raw_clear_user, . - raw_clear_user

/*
 * long raw_strncpy_user(char *dst, const char *src, long count):
 * length copied without the NUL, count if no NUL was met, -14 (-EFAULT) on a fault.
 */
	.globl	raw_strncpy_user
	.type	raw_strncpy_user, @function
raw_strncpy_user:
	xorl	%eax, %eax
5:	cmpq	%rdx, %rax
	je	7f
6:	movb	(%rsi, %rax), %cl
	movb	%cl, (%rdi, %rax)
	testb	%cl, %cl
	je	7f
	incq	%rax
	jmp	5b
7:	ret
	EX_ENTRY 6b, 8f
8:	movq	$-14, %rax
	ret
	.size	raw_strncpy_user, . - raw_strncpy_user
