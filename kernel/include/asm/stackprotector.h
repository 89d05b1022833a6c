/* SPDX-License-Identifier: MIT */
/*
 * The stack protector's canary (Linux's asm/stackprotector.h, in small).
 *
 * The kernel is built with -fstack-protector-strong: every function with
 * a local array or a local whose address is taken stores the canary
 * below its return address on entry and compares it on return; a
 * mismatch calls __stack_chk_fail(), which panics (kernel/panic.c).
 *
 * Where the compiler finds the canary: Linux 6.1 on x86-64 reads it at
 * %gs:40, in its per-CPU area. This kernel builds with
 * -mstack-protector-guard=global instead (GCC 12 and Clang 14 both take
 * it), so the compiler reads the symbol __stack_chk_guard: with one CPU
 * a plain global is that per-CPU slot. As Linux, each task has its own
 * canary (task_struct.stack_canary, drawn at fork) and switch_to() loads
 * the next task's into __stack_chk_guard.
 *
 * The values come from the TSC through a mixing function: under
 * `-icount` the TSC repeats from run to run, so there the canaries are
 * predictable. A teaching kernel shows the mechanism, not a secret.
 */
#ifndef _ASM_STACKPROTECTOR_H
#define _ASM_STACKPROTECTOR_H

#include <linux/types.h>
#include <asm/processor.h>

/* The running task's canary: what instrumented functions compare against. */
extern unsigned long __stack_chk_guard;

/*
 * A fresh canary (Linux's get_random_canary): the TSC and a counter through
 * splitmix64's finaliser; the low byte is zero, as Linux's, so a string
 * overflow that copies up to a NUL cannot reproduce it.
 */
static inline unsigned long get_random_canary(void)
{
	static u64 sequence;
	u64 z = rdtsc() + (sequence += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31)) & ~0xffUL;
}

/*
 * Give the boot task its canary. Only from a function that never returns
 * (start_kernel): a frame entered before this call would fail its check.
 */
static __always_inline void boot_init_stack_canary(unsigned long *canary)
{
	*canary = get_random_canary();
	__stack_chk_guard = *canary;
}

#endif
