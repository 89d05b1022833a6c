// SPDX-License-Identifier: MIT
/*
 * KTAP suite `cpu`: the protections match the CPU. CR4.SMEP and CR4.SMAP
 * are set exactly when CPUID reports them, EFLAGS.AC is clear in the
 * kernel, and each stac/clac site holds the real instruction on a SMAP
 * CPU and a NOP elsewhere (make test runs this on qemu64,+smep,+smap;
 * the harness boots plain qemu64 once).
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/cpufeature.h>
#include <asm/alternative.h>
#include <asm/processor.h>
#include <asm/stackprotector.h>
#include <linux/sched.h>

extern const struct alt_instr __alt_instructions[], __alt_instructions_end[];

static void cr4_matches_cpuid(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, !!(read_cr4() & X86_CR4_SMEP), boot_cpu_has(X86_FEATURE_SMEP));
	KUNIT_EXPECT_EQ(test, !!(read_cr4() & X86_CR4_SMAP), boot_cpu_has(X86_FEATURE_SMAP));
	KUNIT_EXPECT_EQ(test, native_save_fl() & X86_EFLAGS_AC, 0);
}

static void stac_clac_sites_patched(struct kunit *test)
{
	static const u8 stac[] = { 0x0f, 0x01, 0xcb }, clac[] = { 0x0f, 0x01, 0xca };
	static const u8 nop3[] = { 0x0f, 0x1f, 0x00 };
	const struct alt_instr *a;
	int sites = 0;

	for (a = __alt_instructions; a < __alt_instructions_end; a++) {
		const u8 *instr = (const u8 *)&a->instr_offset + a->instr_offset;

		if (a->cpuid != X86_FEATURE_SMAP)
			continue;
		sites++;
		if (boot_cpu_has(X86_FEATURE_SMAP))
			KUNIT_EXPECT_TRUE(test, !memcmp(instr, stac, 3) || !memcmp(instr, clac, 3));
		else
			KUNIT_EXPECT_TRUE(test, !memcmp(instr, nop3, 3));
	}
	/* at least the entry's clac and one stac/clac pair per user-copy function */
	KUNIT_EXPECT_GE(test, sites, 9);
}

static void running_task_canary_is_the_guard(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, __stack_chk_guard, current->stack_canary);
	KUNIT_EXPECT_NE(test, __stack_chk_guard, 0);
	KUNIT_EXPECT_EQ(test, __stack_chk_guard & 0xff, 0);
}

static struct kunit_case cpu_cases[] = {
	KUNIT_CASE(cr4_matches_cpuid),
	KUNIT_CASE(stac_clac_sites_patched),
	KUNIT_CASE(running_task_canary_is_the_guard),
	{}
};

static struct kunit_suite cpu_suite = {
	.name = "cpu",
	.test_cases = cpu_cases,
};
kunit_test_suite(cpu_suite);
