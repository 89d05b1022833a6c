// SPDX-License-Identifier: MIT
/*
 * Exception dispatch. do_interrupt() is called by common_interrupt for
 * every vector: hardware IRQs go to irq.c, page faults to the memory
 * manager, exceptions from user mode to the process that caused them,
 * and anything else that happens in the kernel is an oops.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/extable.h>
#include <asm/cpufeature.h>
#include <linux/uaccess.h>

static const char *const trap_names[32] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "simd exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection fault",
};

/* The exception's name as Linux prints it in an oops ("reserved" for unused vectors). */
const char *trap_name(unsigned int vector)
{
	if (vector < ARRAY_SIZE(trap_names) && trap_names[vector])
		return trap_names[vector];
	return "reserved";
}

bool smap_violation(const struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	return address < TASK_SIZE && !user_mode(regs) && !(error_code & X86_PF_USER) &&
	       boot_cpu_has(X86_FEATURE_SMAP) && !(regs->rflags & X86_EFLAGS_AC);
}

/* #PF: the memory manager, then an exception-table fixup, else an oops. */
static void do_page_fault(struct pt_regs *regs)
{
	unsigned long address = read_cr2();

	/* interrupts were off on entry; the fault handler may sleep later */
	if (handle_page_fault(regs, regs->orig_rax, address))
		return;
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	die("page fault", regs, regs->orig_rax);
}

/* A CPU exception: a signal for user mode, a fixup for a kernel #GP, else an oops. */
static void do_exception(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;

	if (vector == X86_TRAP_PF) {
		do_page_fault(regs);
		return;
	}
	if (user_mode(regs) && vector != X86_TRAP_DF && handle_user_exception(regs, vector))
		return;
	if (!user_mode(regs) && vector == X86_TRAP_GP && fixup_exception(regs))
		return;
	die(trap_name(vector), regs, regs->orig_rax);
}

/* Called by the entry code for every vector: exceptions, then the PIC's IRQs. */
void do_interrupt(struct pt_regs *regs)
{
	if (regs->vector < FIRST_EXTERNAL_VECTOR)
		do_exception(regs);
	else if (regs->vector < FIRST_EXTERNAL_VECTOR + NR_LEGACY_IRQS)
		handle_irq(regs->vector - FIRST_EXTERNAL_VECTOR, regs);
	/* the spurious vector needs nothing */
}
