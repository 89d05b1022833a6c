// SPDX-License-Identifier: MIT
/*
 * start_kernel: the C entry point, called by head_64.S on the boot stack
 * with the Multiboot2 magic and the physical address of the boot
 * information. It brings the machine up in dependency order: console,
 * boot information and command line, CPU tables, memory (memblock, the
 * buddy allocator, slab caches, the maple tree), interrupts and the
 * timer; then runs the in-kernel tests if asked, or starts user space.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/multiboot2.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>
#include <kunit/test.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/processor.h>

void serial_enable_input(void);
void run_crashtest(const char *name);
void setup_memory_map(const struct boot_info *boot);
void mm_init_all(void);
void rest_init(void);

const char linux_banner[] =
	"Teaching kernel 0.1 (x86_64) - a small kernel that mirrors Linux 6.1's memory management\n";

static void print_boot_info(const struct boot_info *boot)
{
	printk(KERN_INFO "Boot loader: %s\n", boot->loader_name);
	printk(KERN_INFO "Command line: %s\n", boot_command_line);
	printk(KERN_INFO "BIOS-provided physical RAM map (Multiboot2):\n");
	for (unsigned int i = 0; i < boot->nr_regions; i++) {
		const struct boot_memory_region *r = &boot->regions[i];

		printk(KERN_INFO "BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", r->base,
		       r->base + r->length - 1, memory_type_name(r->type));
	}
	for (unsigned int i = 0; i < boot->nr_modules; i++)
		printk(KERN_INFO "Module %u: [mem 0x%08llx-0x%08llx] %s (%llu bytes)\n", i,
		       boot->modules[i].start, boot->modules[i].end - 1, boot->modules[i].string,
		       boot->modules[i].end - boot->modules[i].start);
}

/* Run the KTAP suites named by ktest= and power off with 0 (all passed) or 1. */
static void run_boot_tests(const char *selection)
{
	int failures = kunit_run_tests(selection);

	machine_power_off(failures ? 1 : 0);
}

void start_kernel(unsigned long magic, unsigned long info_phys)
{
	const char *option;

	serial_init();
	vga_init();
	printk(KERN_NOTICE "%s", linux_banner);
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("not booted by a Multiboot2 loader (magic 0x%lx)", magic);
	if (multiboot2_parse(__va(info_phys), info_phys, &boot_info))
		panic("malformed Multiboot2 information at 0x%lx", info_phys);
	strlcpy(boot_command_line, boot_info.command_line, 1024);
	parse_early_param();
	print_boot_info(&boot_info);

	gdt_init();
	idt_init();
	setup_memory_map(&boot_info);
	mm_init_all();
	init_IRQ();
	time_init();
	serial_enable_input();
	local_irq_enable();

	option = cmdline_get("crashtest");
	if (option)
		run_crashtest(option);
	option = cmdline_get("ktest");
	if (option)
		run_boot_tests(option);
	rest_init();
}

/* Start user space. Until processes exist there is nothing to start. */
__attribute__((weak)) void rest_init(void)
{
	printk(KERN_INFO "No init process: the kernel idles. Ctrl-A X quits QEMU.\n");
	for (;;)
		safe_halt();
}
