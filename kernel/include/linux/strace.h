/* SPDX-License-Identifier: MIT */
/*
 * System-call tracing in strace's output format (kernel/strace.c). A
 * traced task prints each call on the console as strace would:
 *
 *	brk(NULL)                               = 0x4c5000
 *
 * The call's name and the arguments known at entry are printed before the
 * call runs (so a write's output appears inside the line, as under strace),
 * the rest and the result after it. Tracing is on for every process with
 * the `strace` command-line word, or per process: the shell's `strace CMD`
 * calls arch_prctl(ARCH_TEACH_STRACE, 1) in the child before execve;
 * children inherit it.
 */
#ifndef _LINUX_STRACE_H
#define _LINUX_STRACE_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define ARCH_TEACH_STRACE	0x5452

/* Before the call in @regs runs (regs->orig_rax is its number). */
void strace_syscall_enter(const struct pt_regs *regs);
/* After it returned @result (not reached for exit and exit_group). */
void strace_syscall_exit(const struct pt_regs *regs, long result);
/* The process ended: "+++ exited with N +++" or "+++ killed by SIGSEGV +++". */
void strace_process_exit(long wait_status);
/* arch_prctl options beyond ARCH_SET_FS/GET_FS; -EINVAL when unknown. */
long strace_arch_prctl(int option, unsigned long argument);
/* Is tracing on for every process (the `strace` command-line word)? */
bool strace_all(void);

#endif
