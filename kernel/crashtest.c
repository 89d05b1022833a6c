// SPDX-License-Identifier: MIT
/*
 * Deliberate kernel faults, for testing the oops path itself:
 * crashtest=pagefault|null|stackoverflow|bug|panic|divide|ud|triplefault|
 * stackprotector|smap|smep on the command line. Each must end in an oops
 * or a panic (or, for triplefault, a machine reset) that the test harness
 * recognises. smap and smep need user memory: they run in init, once its
 * program is loaded (run_user_crashtest), on a page mapped for them; on a
 * CPU without SMAP or SMEP they panic saying they did not crash.
 *
 * crashtest=warn only prints a WARNING and boots on: the harness checks
 * that a test whose console shows it fails unless it declared it.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/errno.h>
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

/* Overrun a local array through a length the compiler cannot see: the canary goes first. */
static __noinline void crashtest_stackprotector(void)
{
	volatile size_t length = 48;
	char buffer[16];

	memset(buffer, 'A', length);
	printk("crashtest: buffer %c\n", buffer[0]);
}

/*
 * A user page holding one `ret`, mapped read-write-execute in init's
 * address space and filled through copy_to_user (the legal way in).
 */
static unsigned long map_user_ret(void)
{
	static const u8 ret = 0xc3;
	unsigned long page = do_mmap(current->mm, NULL, 0, PAGE_SIZE,
				     PROT_READ | PROT_WRITE | PROT_EXEC,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0);

	if (IS_ERR_VALUE(page) || copy_to_user((void __user *)page, &ret, 1))
		panic("crashtest: no user page (%ld)", (long)page);
	return page;
}

/* Read user memory directly, not through copy_from_user: SMAP refuses. */
static __noinline void crashtest_smap(unsigned long user_address)
{
	printk(KERN_INFO "crashtest: reading user address %lx directly\n", user_address);
	printk(KERN_INFO "crashtest: read %#x\n", *(volatile u8 *)user_address);
}

/* Call user code from the kernel: SMEP refuses (without it, `ret` comes back). */
static __noinline void crashtest_smep(unsigned long user_address)
{
	((void (*)(void))user_address)();
}

/* The crash tests that need a process with user memory: smap and smep. */
static bool user_crashtest(const char *name)
{
	return strcmp(name, "smap") == 0 || strcmp(name, "smep") == 0;
}

/* Called by init once its program is loaded: run crashtest=smap or smep. */
void run_user_crashtest(const char *name)
{
	if (!user_crashtest(name))
		return;
	printk(KERN_INFO "crashtest: %s\n", name);
	if (strcmp(name, "smap") == 0)
		crashtest_smap(map_user_ret());
	else
		crashtest_smep(map_user_ret());
	/* on a CPU without the protection: say so, and stop as the other tests do */
	panic("crashtest: %s did not crash (is %s on? see the x86/cpu line)",
	      name, name[2] == 'a' ? "SMAP" : "SMEP");
}

void run_crashtest(const char *name)
{
	if (user_crashtest(name))
		return;		/* later, in init: run_user_crashtest */
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
	else if (strcmp(name, "stackprotector") == 0)
		crashtest_stackprotector();
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
