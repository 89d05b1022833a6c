/* SPDX-License-Identifier: MIT */
/* Exception vectors (Intel SDM vol. 3, table 6-1) and trap handling. */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/compiler.h>

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1	/* debug */
#define X86_TRAP_NMI	2	/* non-maskable interrupt */
#define X86_TRAP_BP	3	/* breakpoint (int3) */
#define X86_TRAP_OF	4	/* overflow */
#define X86_TRAP_BR	5	/* bound range exceeded */
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7	/* device not available */
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_OLD_MF	9	/* coprocessor segment overrun */
#define X86_TRAP_TS	10	/* invalid TSS */
#define X86_TRAP_NP	11	/* segment not present */
#define X86_TRAP_SS	12	/* stack segment fault */
#define X86_TRAP_GP	13	/* general protection fault */
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16	/* x87 floating-point exception */
#define X86_TRAP_AC	17	/* alignment check */
#define X86_TRAP_MC	18	/* machine check */
#define X86_TRAP_XF	19	/* SIMD floating-point exception */
#define X86_TRAP_VE	20	/* virtualization exception */
#define X86_TRAP_CP	21	/* control protection */

#define FIRST_EXTERNAL_VECTOR	0x20
#define NR_LEGACY_IRQS		16
#define SPURIOUS_VECTOR		0xff

/* Page-fault error code bits (X86_PF_*). */
#define X86_PF_PROT	(1 << 0)	/* 0: not present, 1: protection violation */
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)

struct pt_regs;

void do_interrupt(struct pt_regs *regs);
const char *trap_name(unsigned int vector);
void idt_invalidate(void);

/*
 * The page-fault handler of the memory manager (kernel/mm/fault.c).
 * Returns true when the fault was resolved (or the faulting user process
 * was dealt with); false makes the fault an oops.
 */
bool handle_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);

/*
 * A kernel-mode access to a user address while SMAP is on and its door
 * (EFLAGS.AC) is shut: a kernel bug, never fixed up (traps.c).
 */
bool smap_violation(const struct pt_regs *regs, unsigned long error_code, unsigned long address);

/*
 * An exception other than #PF or #DF in user mode (kernel/signal.c):
 * returns true when a signal was queued for the task, false for an oops.
 */
bool handle_user_exception(struct pt_regs *regs, unsigned int vector);

/* The running task's PID and name, for the oops header (kernel/sched.c). */
int current_pid_for_oops(void);
const char *current_comm_for_oops(void);

/* Print an oops for @regs and stop: the kernel cannot go on. */
__noreturn void die(const char *what, struct pt_regs *regs, unsigned long error_code);

#endif
