/* SPDX-License-Identifier: MIT */
/*
 * The kernel's own symbol table, generated at build time from the linked
 * image (scripts/kallsyms.py), so oopses and backtraces name functions.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 40)

/*
 * Find the function containing @address. Returns its name and sets
 * *offset and *size, or returns NULL when @address is in no known function.
 */
const char *kallsyms_lookup(unsigned long address, unsigned long *size, unsigned long *offset);
/* Format @address as "name+0xoff/0xsize" (or as a bare hex number) into @buf. */
int sprint_symbol(char *buf, unsigned long address);
/*
 * The same for a return address (Linux's %pB): named after the call before
 * it, which matters when the call is a function's last instruction.
 */
int sprint_backtrace(char *buf, unsigned long address);
/* The address of the function called @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
