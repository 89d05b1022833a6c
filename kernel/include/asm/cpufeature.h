/* SPDX-License-Identifier: MIT */
/*
 * CPU features found with CPUID at boot (Linux's asm/cpufeature.h in
 * small). Each X86_FEATURE_* is word * 32 + bit, in Linux's numbering for
 * the words this kernel reads; boot_cpu_has() tests the boot CPU's copy.
 */
#ifndef _ASM_CPUFEATURE_H
#define _ASM_CPUFEATURE_H

#define CPUID_7_0_EBX		9	/* Linux's word 9: CPUID leaf 7, subleaf 0, EBX */
#define NCAPINTS		10

#define X86_FEATURE_SMEP	(CPUID_7_0_EBX * 32 + 7)	/* Supervisor Mode Execution Protection */
#define X86_FEATURE_SMAP	(CPUID_7_0_EBX * 32 + 20)	/* Supervisor Mode Access Prevention */

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* The features of the boot CPU (cpufeature.c). */
extern u32 boot_cpu_capability[NCAPINTS];

/* Does the boot CPU have @feature (an X86_FEATURE_*)? */
static inline bool boot_cpu_has(unsigned int feature)
{
	return boot_cpu_capability[feature / 32] & (1U << (feature % 32));
}

/*
 * Read the CPU's features, turn on SMEP and SMAP where it has them (Linux's
 * identify_cpu with setup_smep/setup_smap), patch the stac/clac sites to
 * match, and print which protections are on.
 */
void identify_boot_cpu(void);
#endif

#endif
