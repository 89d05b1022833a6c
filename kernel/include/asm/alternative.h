/* SPDX-License-Identifier: MIT */
/*
 * Instructions chosen at boot by CPU feature (Linux's alternatives, in
 * small). ALTERNATIVE(old, new, feature) assembles @old in place and
 * records @new in .altinstr_replacement; apply_alternatives() copies
 * @new over @old when the CPU has @feature (the rest padded with NOPs).
 * stac and clac use it: on a CPU without SMAP they would be invalid
 * opcodes, so the kernel is built with NOPs there and gets the real
 * instructions only where SMAP exists.
 */
#ifndef _ASM_ALTERNATIVE_H
#define _ASM_ALTERNATIVE_H

#include <linux/stringify.h>

/* One patch site; the offsets are relative to the field holding them. */
#ifndef __ASSEMBLER__
#include <linux/types.h>

struct alt_instr {
	s32 instr_offset;	/* the original instruction */
	s32 repl_offset;	/* its replacement */
	u16 cpuid;		/* the X86_FEATURE_* that selects the replacement */
	u8 instrlen;		/* length of the original */
	u8 replacementlen;	/* length of the replacement, <= instrlen */
} __packed;

#define ALTERNATIVE(oldinstr, newinstr, feature)			\
	"661:\n\t" oldinstr "\n662:\n"					\
	".pushsection .altinstructions, \"a\"\n"			\
	"\t.long 661b - .\n"						\
	"\t.long 663f - .\n"						\
	"\t.short " __stringify(feature) "\n"				\
	"\t.byte 662b - 661b\n"						\
	"\t.byte 664f - 663f\n"						\
	".popsection\n"							\
	".pushsection .altinstr_replacement, \"a\"\n"			\
	"663:\n\t" newinstr "\n664:\n"					\
	".popsection\n"

/* Patch every site whose feature the boot CPU has (before the text becomes read-only). */
void apply_alternatives(void);

#else	/* __ASSEMBLER__ */

	.macro ALTERNATIVE oldinstr, newinstr, feature
661:	\oldinstr
662:
	.pushsection .altinstructions, "a"
	.long	661b - .
	.long	663f - .
	.short	\feature
	.byte	662b - 661b
	.byte	664f - 663f
	.popsection
	.pushsection .altinstr_replacement, "a"
663:	\newinstr
664:
	.popsection
	.endm

#endif

#endif
