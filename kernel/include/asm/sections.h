/* SPDX-License-Identifier: MIT */
/*
 * Boundaries of the kernel image's sections, defined by linker.ld
 * (Linux asm-generic/sections.h). Their addresses are in the kernel
 * image mapping (__START_KERNEL_map); __pa_symbol() gives the physical one.
 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _text[], _etext[];			/* code */
extern char __start_rodata[], __end_rodata[];	/* read-only data */
extern char _sdata[], _edata[];			/* initialised data */
extern char __bss_start[], __bss_stop[];	/* zeroed data */
extern char _end[];				/* end of the image */
extern char __boot_stack_guard[];		/* unmapped page below the boot stack */

#endif
