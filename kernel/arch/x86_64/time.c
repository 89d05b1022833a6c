// SPDX-License-Identifier: MIT
/*
 * The 8254 programmable interval timer, channel 0, as a periodic tick at
 * HZ (linux/jiffies.h). Its input clock is 1.193182 MHz.
 */
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/io.h>
#include <asm/irq.h>

#define PIT_FREQUENCY	1193182
#define PIT_CHANNEL0	0x40
#define PIT_COMMAND	0x43
#define PIT_RATE_GENERATOR 0x34	/* channel 0, lobyte/hibyte, mode 2 */

volatile unsigned long jiffies;

/* IRQ 0: one jiffy passed. */
static void timer_interrupt(unsigned int irq, struct pt_regs *regs)
{
	jiffies++;
	scheduler_tick(regs);
}

/* Program the PIT for HZ ticks a second and take its interrupt. */
void time_init(void)
{
	unsigned int divisor = (PIT_FREQUENCY + HZ / 2) / HZ;

	outb(PIT_RATE_GENERATOR, PIT_COMMAND);
	outb(divisor & 0xff, PIT_CHANNEL0);
	outb(divisor >> 8, PIT_CHANNEL0);
	request_irq(IRQ_TIMER, timer_interrupt);
}

/* Nanoseconds since boot, to the resolution of a jiffy. */
unsigned long long ktime_get_ns(void)
{
	return (unsigned long long)jiffies * (1000000000ULL / HZ);
}
