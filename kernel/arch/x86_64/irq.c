// SPDX-License-Identifier: MIT
/*
 * The two 8259 programmable interrupt controllers. They are remapped so
 * that IRQ 0-15 arrive at vectors 0x20-0x2f, clear of the exceptions;
 * every IRQ starts masked and request_irq() unmasks the ones in use.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/traps.h>

#define PIC1_COMMAND	0x20
#define PIC1_DATA	0x21
#define PIC2_COMMAND	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20
#define ICW1_INIT_ICW4	0x11
#define ICW4_8086	0x01
#define PIC_CASCADE_IRQ	2

static irq_handler_t irq_handlers[NR_LEGACY_IRQS];
static u16 irq_mask = 0xffff & ~(1 << PIC_CASCADE_IRQ);

/* Load irq_mask into both PICs (a set bit masks the line). */
static void pic_write_mask(void)
{
	outb(irq_mask & 0xff, PIC1_DATA);
	outb(irq_mask >> 8, PIC2_DATA);
}

/* Initialise both PICs: vectors 0x20/0x28, cascade on IRQ 2, all masked. */
void init_IRQ(void)
{
	outb(ICW1_INIT_ICW4, PIC1_COMMAND);
	outb(ICW1_INIT_ICW4, PIC2_COMMAND);
	outb(FIRST_EXTERNAL_VECTOR, PIC1_DATA);
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC2_DATA);
	outb(1 << PIC_CASCADE_IRQ, PIC1_DATA);
	outb(PIC_CASCADE_IRQ, PIC2_DATA);
	outb(ICW4_8086, PIC1_DATA);
	outb(ICW4_8086, PIC2_DATA);
	pic_write_mask();
}

/* Call @handler for legacy IRQ @irq (0-15) from now on and unmask the line. */
void request_irq(unsigned int irq, irq_handler_t handler)
{
	irq_handlers[irq] = handler;
	irq_mask &= ~(1 << irq);
	pic_write_mask();
}

/* Acknowledge, then run the handler (it may switch tasks, so EOI comes first). */
void handle_irq(unsigned int irq, struct pt_regs *regs)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_COMMAND);
	outb(PIC_EOI, PIC1_COMMAND);
	if (irq_handlers[irq])
		irq_handlers[irq](irq, regs);
}
