// SPDX-License-Identifier: MIT
/* Searching the exception table (see asm/extable.h). */
#include <linux/types.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/* The table is short (a handful of user-copy instructions): a linear search is enough. */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *entry;

	for (entry = __start___ex_table; entry < __stop___ex_table; entry++) {
		if (entry->insn == regs->rip) {
			regs->rip = entry->fixup;
			return true;
		}
	}
	return false;
}
