// SPDX-License-Identifier: MIT
/*
 * Deliberate kernel faults, for testing the oops path itself:
 * crashtest=pagefault|null|stackoverflow|bug|panic|divide|ud|triplefault
 * on the command line. Each must end in an oops (or, for triplefault, a
 * machine reset) that the test harness recognises.
 *
 * crashtest=warn only prints a WARNING and boots on: the harness checks
 * that a test whose console shows it fails unless it declared it.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <asm/traps.h>

/* An address in the unused vmalloc range: never mapped in this kernel. */
#define UNMAPPED_KERNEL_ADDRESS	0xffffc90000000000UL

static __noinline void crashtest_pagefault(void)
{
	*(volatile unsigned long *)UNMAPPED_KERNEL_ADDRESS = 1;
}

static __noinline void crashtest_null(void)
{
	*(volatile unsigned long *)0 = 1;
}

/* Recurse with a large frame until the stack runs into its guard page. */
static __noinline unsigned long crashtest_recurse(unsigned long depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth == ~0UL)	/* never true: keeps the compiler from calling it endless */
		return 0;
	return crashtest_recurse(depth + 1) + frame[0];
}

static __noinline void crashtest_divide(void)
{
	volatile unsigned long zero = 0, hundred = 100;

	printk("%lu\n", hundred / zero);
}

void run_crashtest(const char *name)
{
	printk(KERN_INFO "crashtest: %s\n", name);
	if (strcmp(name, "warn") == 0) {
		WARN_ON(name[0] == 'w');
		return;
	}
	if (strcmp(name, "pagefault") == 0)
		crashtest_pagefault();
	else if (strcmp(name, "null") == 0)
		crashtest_null();
	else if (strcmp(name, "stackoverflow") == 0)
		crashtest_recurse(0);
	else if (strcmp(name, "bug") == 0)
		BUG_ON(name[0] == 'b');
	else if (strcmp(name, "panic") == 0)
		panic("crashtest: deliberate panic");
	else if (strcmp(name, "divide") == 0)
		crashtest_divide();
	else if (strcmp(name, "ud") == 0)
		__asm__ __volatile__("ud2");
	else if (strcmp(name, "triplefault") == 0) {
		idt_invalidate();
		__asm__ __volatile__("int3");
	}
	printk(KERN_ERR "crashtest: unknown test '%s' (or it did not crash)\n", name);
}
