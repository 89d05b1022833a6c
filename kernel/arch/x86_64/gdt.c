// SPDX-License-Identifier: MIT
/*
 * The global descriptor table and the task-state segment. Segments are
 * flat in long mode; what matters is the privilege level of each code
 * segment, the order that syscall/sysret expect (asm/segment.h), and the
 * TSS, which holds the stacks for entries from user mode and for the
 * double-fault handler (IST1), so that even a kernel stack overflow is
 * reported.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>

#define EXCEPTION_STACK_SIZE	8192

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL_CS] = 0x00af9a000000ffffULL,	/* 64-bit, DPL 0, code */
	[GDT_ENTRY_KERNEL_DS] = 0x00cf92000000ffffULL,	/* DPL 0, data */
	[GDT_ENTRY_USER_DS]   = 0x00cff2000000ffffULL,	/* DPL 3, data */
	[GDT_ENTRY_USER_CS]   = 0x00affa000000ffffULL,	/* 64-bit, DPL 3, code */
};

struct tss_struct cpu_tss __aligned(16);
static char double_fault_stack[EXCEPTION_STACK_SIZE] __aligned(16);
static char nmi_stack[EXCEPTION_STACK_SIZE] __aligned(16);

/* Write the 16-byte TSS descriptor (type 9, available 64-bit TSS). */
static void set_tss_descriptor(u64 *entry, unsigned long base, u32 limit)
{
	entry[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		   (0x89ULL << 40) | ((u64)((limit >> 16) & 0xf) << 48) |
		   ((u64)((base >> 24) & 0xff) << 56);
	entry[1] = base >> 32;
}

/* Load the final GDT, reload every segment register, and load the TSS. */
void gdt_init(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) descriptor = { sizeof(gdt) - 1, (u64)gdt };

	cpu_tss.ist[IST_DOUBLE_FAULT - 1] = (u64)double_fault_stack + sizeof(double_fault_stack);
	cpu_tss.ist[IST_NMI - 1] = (u64)nmi_stack + sizeof(nmi_stack);
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);	/* no I/O bitmap: ring 3 gets no ports */
	set_tss_descriptor(&gdt[GDT_ENTRY_TSS], (unsigned long)&cpu_tss, sizeof(cpu_tss) - 1);

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3\n\t"
		: : "m"(descriptor), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(__TSS_SELECTOR)
		: "rax", "memory");
}

/* The stack the CPU switches to on an interrupt from user mode: @sp0. */
void tss_set_kernel_stack(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}
