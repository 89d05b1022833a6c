/* SPDX-License-Identifier: MIT */
/*
 * The exception table: pairs (address of an instruction that may fault,
 * address to continue at). The user-copy routines list their loads and
 * stores here, so a bad user pointer makes them return -EFAULT instead
 * of oopsing.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

struct pt_regs;

/* If regs->rip is listed, move it to the fixup and return true. */
bool fixup_exception(struct pt_regs *regs);

#endif
