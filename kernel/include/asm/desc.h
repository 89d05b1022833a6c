/* SPDX-License-Identifier: MIT */
/* GDT, TSS and IDT set-up (kernel/arch/x86_64/gdt.c, idt.c). */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <linux/types.h>

/* The 64-bit task-state segment: stacks the CPU switches to. */
struct tss_struct {
	u32 reserved0;
	u64 sp0;		/* stack for entries from user mode */
	u64 sp1, sp2;
	u64 reserved1;
	u64 ist[7];		/* interrupt stacks; IST1 = double fault */
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __attribute__((packed));

#define IST_DOUBLE_FAULT	1
#define IST_NMI			2

extern struct tss_struct cpu_tss;

void gdt_init(void);
void idt_init(void);
/* Set the stack used when an interrupt or syscall arrives from user mode. */
void tss_set_kernel_stack(unsigned long sp0);

#endif
