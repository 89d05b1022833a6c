/* SPDX-License-Identifier: MIT */
/* Legacy IRQs through the 8259 PIC pair (kernel/arch/x86_64/irq.c). */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

struct pt_regs;

#define IRQ_TIMER	0
#define IRQ_COM1	4

typedef void (*irq_handler_t)(unsigned int irq, struct pt_regs *regs);

void init_IRQ(void);
/* Route IRQ @irq to @handler and unmask it. */
void request_irq(unsigned int irq, irq_handler_t handler);
void handle_irq(unsigned int irq, struct pt_regs *regs);

#endif
