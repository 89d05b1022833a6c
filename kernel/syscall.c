// SPDX-License-Identifier: MIT
/*
 * The system-call dispatcher. At boot the entries that SYSCALL_DEFINEn
 * placed in the syscall_table_entries section are sorted into
 * sys_call_table[] by number; do_syscall_64 (called from
 * entry_SYSCALL_64) looks the number up, runs the handler with interrupts
 * on, stores the result in the user's rax, and reports the call when the
 * task is traced.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/strace.h>
#include <trace/events/raw_syscalls.h>
#include <linux/bug.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

extern const struct syscall_metadata __start_syscall_table_entries[];
extern const struct syscall_metadata __stop_syscall_table_entries[];

static const struct syscall_metadata *sys_call_table[NR_syscalls];

void exit_to_user_mode(struct pt_regs *regs);

/* Fill sys_call_table from the SYSCALL_DEFINE entries; a number defined twice is a bug. */
void syscall_table_init(void)
{
	const struct syscall_metadata *entry;

	for (entry = __start_syscall_table_entries; entry < __stop_syscall_table_entries; entry++) {
		BUG_ON(entry->nr < 0 || entry->nr >= NR_syscalls || sys_call_table[entry->nr]);
		sys_call_table[entry->nr] = entry;
	}
}

const struct syscall_metadata *syscall_metadata(unsigned long nr)
{
	return nr < NR_syscalls ? sys_call_table[nr] : NULL;
}

void do_syscall_64(struct pt_regs *regs)
{
	const struct syscall_metadata *call = syscall_metadata(regs->orig_rax);
	long result;

	local_irq_enable();
	trace_sys_enter(regs, regs->orig_rax);
	if (current->traced)
		strace_syscall_enter(regs);
	result = call ? call->handler(regs) : -ENOSYS;
	regs->rax = result;
	trace_sys_exit(regs, result);
	if (current->traced)
		strace_syscall_exit(regs, result);
	local_irq_disable();
	exit_to_user_mode(regs);
}
