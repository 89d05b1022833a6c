/* SPDX-License-Identifier: MIT */
/*
 * SMAP's door (Linux's asm/smap.h). With CR4.SMAP set, the CPU faults
 * when kernel code touches a user page, unless RFLAGS.AC is set: stac
 * sets it, clac clears it. Only the user-access routines open the door
 * (user_access_begin/user_access_end in linux/uaccess.h); every entry
 * from user mode or from an interrupt closes it again (ASM_CLAC in
 * entry_64.S, AC in the syscall mask), so an interrupted copy does not
 * leave it open for the handler. On a CPU without SMAP both are NOPs
 * (patched at boot: see asm/alternative.h).
 */
#ifndef _ASM_SMAP_H
#define _ASM_SMAP_H

#include <asm/alternative.h>
#include <asm/cpufeature.h>

#ifdef __ASSEMBLER__

#define ASM_CLAC	ALTERNATIVE "nopl (%rax)", "clac", X86_FEATURE_SMAP
#define ASM_STAC	ALTERNATIVE "nopl (%rax)", "stac", X86_FEATURE_SMAP

#else

/* The 3-byte NOP "nopl (%rax)", the length of stac and clac. */
#define __ASM_NOP3	".byte 0x0f, 0x1f, 0x00"

/* Close the door: user pages fault again in kernel mode. */
static __always_inline void clac(void)
{
	__asm__ __volatile__(ALTERNATIVE(__ASM_NOP3, "clac", X86_FEATURE_SMAP) ::: "memory");
}

/* Open the door: the kernel may touch user pages until clac(). */
static __always_inline void stac(void)
{
	__asm__ __volatile__(ALTERNATIVE(__ASM_NOP3, "stac", X86_FEATURE_SMAP) ::: "memory");
}

#endif

#endif
