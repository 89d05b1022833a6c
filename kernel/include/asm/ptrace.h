/* SPDX-License-Identifier: MIT */
/*
 * The registers saved on kernel entry (interrupt, exception or syscall),
 * in the order the entry code pushes them. The last five words are the
 * CPU's own interrupt frame. For exceptions orig_rax holds the error code,
 * for system calls the system-call number.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	unsigned long vector;		/* interrupt vector (syscall: 0x80 marker) */
	unsigned long orig_rax;		/* error code, or syscall number */
	unsigned long rip, cs, rflags, rsp, ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
