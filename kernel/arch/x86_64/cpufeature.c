// SPDX-License-Identifier: MIT
/*
 * The boot CPU's features and the protections built on them (Linux's
 * arch/x86/kernel/cpu/common.c identify_cpu, setup_smep, setup_smap, and
 * arch/x86/kernel/alternative.c apply_alternatives, in small).
 *
 * SMEP (CR4 bit 20): the CPU refuses to execute a user page in kernel
 * mode. SMAP (CR4 bit 21): it refuses kernel reads and writes of user
 * pages unless RFLAGS.AC is set, which only the user-access routines do
 * (stac/clac, asm/smap.h). Both are turned on when CPUID leaf 7 reports
 * them; scripts/qemu-run asks QEMU for a CPU that has them.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <asm/cpufeature.h>
#include <asm/alternative.h>
#include <asm/processor.h>
#include <asm/pgtable.h>

u32 boot_cpu_capability[NCAPINTS];

extern const struct alt_instr __alt_instructions[], __alt_instructions_end[];

static void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(subleaf));
}

/*
 * Copy each replacement over its original where the boot CPU has the
 * feature, padding with one-byte NOPs. Runs on the boot page tables,
 * where the kernel text is still writable (paging_init makes it read-only).
 */
void apply_alternatives(void)
{
	const struct alt_instr *a;

	for (a = __alt_instructions; a < __alt_instructions_end; a++) {
		u8 *instr = (u8 *)&a->instr_offset + a->instr_offset;
		const u8 *replacement = (const u8 *)&a->repl_offset + a->repl_offset;

		BUG_ON(a->replacementlen > a->instrlen);
		if (!boot_cpu_has(a->cpuid))
			continue;
		memcpy(instr, replacement, a->replacementlen);
		memset(instr + a->replacementlen, 0x90, a->instrlen - a->replacementlen);
	}
}

/* Set @bits in CR4 (Linux's cr4_set_bits). */
static void cr4_set_bits(unsigned long bits)
{
	native_write_cr4(read_cr4() | bits);
}

/* Linux's setup_smep: no executing user pages in kernel mode. */
static void setup_smep(void)
{
	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4_set_bits(X86_CR4_SMEP);
}

/* Linux's setup_smap: no touching user pages in kernel mode outside stac/clac. */
static void setup_smap(void)
{
	/* AC must be clear from here on, or SMAP would be open everywhere */
	__asm__ __volatile__("pushq %0; popfq" : : "r"(native_save_fl() & ~X86_EFLAGS_AC) : "memory", "cc");
	if (boot_cpu_has(X86_FEATURE_SMAP))
		cr4_set_bits(X86_CR4_SMAP);
}

#ifdef __SSP_STRONG__
#define STACKPROTECTOR_STATE	"on (strong, per-task canary)"
#else
#define STACKPROTECTOR_STATE	"off"
#endif

/* "on", or "off" and why, for the boot line. */
static const char *protection_state(unsigned long cr4_bit)
{
	return read_cr4() & cr4_bit ? "on" : "off (not in this CPU)";
}

void identify_boot_cpu(void)
{
	u32 max_leaf, ebx, ecx, edx;

	cpuid_count(0, 0, &max_leaf, &ebx, &ecx, &edx);
	if (max_leaf >= 7)
		cpuid_count(7, 0, &max_leaf, &boot_cpu_capability[CPUID_7_0_EBX], &ecx, &edx);
	apply_alternatives();
	setup_smep();
	setup_smap();
	/* Linux shows these only as the "smep smap" flags of /proc/cpuinfo: one line says it here */
	pr_info("x86/cpu: kernel protections: SMEP %s, SMAP %s, NX on, stack protector %s\n",
		protection_state(X86_CR4_SMEP), protection_state(X86_CR4_SMAP), STACKPROTECTOR_STATE);
}
