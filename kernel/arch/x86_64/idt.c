// SPDX-License-Identifier: MIT
/*
 * The interrupt descriptor table: 32 exception vectors, 16 legacy IRQ
 * vectors (0x20-0x2f, see irq.c) and a spurious vector (0xff), all
 * pointing at the stubs in entry_64.S. Gates are interrupt gates (IF is
 * cleared on entry); int3 may be raised from user mode (DPL 3).
 */
#include <linux/types.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>

struct idt_gate {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;		/* present | DPL | type 0xe (interrupt gate) */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

static struct idt_gate idt_table[256] __aligned(16);

/* The entry stubs in entry_64.S: one every VECTOR_STUB_SIZE bytes from vector_stubs. */
#define VECTOR_STUB_SIZE	16
extern const char vector_stubs[], spurious_vector_stub[];

/* The address of the entry stub for @vector. */
static unsigned long vector_stub(unsigned int vector)
{
	return (unsigned long)vector_stubs + vector * VECTOR_STUB_SIZE;
}

/* Make IDT entry @vector an interrupt gate to @handler on stack @ist, callable from ring @dpl. */
static void set_gate(unsigned int vector, unsigned long handler, unsigned int ist, unsigned int dpl)
{
	struct idt_gate *gate = &idt_table[vector];

	gate->offset_low = handler & 0xffff;
	gate->segment = __KERNEL_CS;
	gate->ist = ist;
	gate->type_attr = 0x80 | (dpl << 5) | 0xe;
	gate->offset_middle = (handler >> 16) & 0xffff;
	gate->offset_high = handler >> 32;
	gate->reserved = 0;
}

/* Fill and load the IDT. */
void idt_init(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) descriptor = { sizeof(idt_table) - 1, (u64)idt_table };
	unsigned int vector;

	for (vector = 0; vector < FIRST_EXTERNAL_VECTOR + NR_LEGACY_IRQS; vector++)
		set_gate(vector, vector_stub(vector), 0, 0);
	set_gate(X86_TRAP_DF, vector_stub(X86_TRAP_DF), IST_DOUBLE_FAULT, 0);
	set_gate(X86_TRAP_NMI, vector_stub(X86_TRAP_NMI), IST_NMI, 0);
	set_gate(X86_TRAP_BP, vector_stub(X86_TRAP_BP), 0, 3);
	set_gate(SPURIOUS_VECTOR, (unsigned long)spurious_vector_stub, 0, 0);
	__asm__ __volatile__("lidt %0" : : "m"(descriptor));
}

/* Load an empty IDT: the next exception becomes a triple fault (crash tests only). */
void idt_invalidate(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) descriptor = { 0, 0 };

	__asm__ __volatile__("lidt %0" : : "m"(descriptor));
}
