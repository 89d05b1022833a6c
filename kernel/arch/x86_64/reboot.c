// SPDX-License-Identifier: MIT
/* Power-off and halt (see linux/reboot.h). */
#include <linux/reboot.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <asm/processor.h>

#define ISA_DEBUG_EXIT_PORT	0xf4
#define ACPI_PM1A_CONTROL_PORT	0x604	/* QEMU i440fx/PIIX4 PM block */
#define ACPI_SLEEP_ENABLE	0x2000	/* SLP_EN with SLP_TYP 0 (S5 on QEMU) */

/* Stop the CPU for good, interrupts off. */
void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		__asm__ __volatile__("hlt");
}

/*
 * Power QEMU off: the isa-debug-exit port (exit code from @status) if
 * present, else ACPI S5; halts if neither works.
 */
void machine_power_off(int status)
{
	printk(KERN_EMERG "reboot: Power down\n");
	local_irq_disable();
	outl(status & 0x7f, ISA_DEBUG_EXIT_PORT);
	outw(ACPI_SLEEP_ENABLE, ACPI_PM1A_CONTROL_PORT);
	machine_halt();
}
