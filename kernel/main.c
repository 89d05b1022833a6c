// SPDX-License-Identifier: MIT
/*
 * start_kernel: the C entry point, called by head_64.S on the boot stack
 * with the boot loader's Multiboot or Multiboot2 magic and the physical
 * address of its boot information. It brings the machine up in dependency order: console,
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
#include <linux/multiboot.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>
#include <kunit/test.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/strace.h>
#include <linux/trace.h>
#include <asm/switch_to.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/cpufeature.h>
#include <asm/stackprotector.h>

void serial_enable_input(void);
void run_crashtest(const char *name);
void run_user_crashtest(const char *name);
void setup_memory_map(const struct boot_info *boot);
void mm_init_all(void);
void rest_init(void);

#define MAX_INIT_ARGS	16

extern struct task_struct init_task;
struct task_struct *alloc_task(void);
void attach_task(struct task_struct *p, struct task_struct *parent);
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
void cpu_idle(void);
void fork_init(void);
void syscall_table_init(void);

/*
 * argv for init: its path, then the words after " -- " on the command line;
 * a word in double quotes may hold spaces ("-c" "echo hi" as Linux's parser).
 */
static void init_arguments(const char *path, const char **argv)
{
	static char words[1024];
	const char *rest = strstr(boot_command_line, " -- ");
	char *p = words;
	int argc = 0;

	argv[argc++] = path;
	if (rest)
		strlcpy(words, rest + 4, sizeof(words));
	else
		words[0] = '\0';
	while (argc <= MAX_INIT_ARGS) {
		char end = ' ';

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (*p == '"') {
			end = '"';
			p++;
		}
		argv[argc++] = p;
		while (*p && *p != end)
			p++;
		if (*p)
			*p++ = '\0';
	}
	argv[argc] = NULL;
}

const char linux_banner[] =
	"Teaching kernel 0.1 (x86_64) - a small kernel that mirrors Linux 6.1's memory management\n";

static void print_boot_info(const struct boot_info *boot)
{
	printk(KERN_INFO "Boot loader: %s\n", boot->loader_name);
	printk(KERN_INFO "Command line: %s\n", boot_command_line);
	printk(KERN_INFO "BIOS-provided physical RAM map (%s):\n", boot->protocol);
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

/*
 * GRUB passes its arguments with ", ' and \ escaped by a backslash; undo that
 * (@unescape) so the kernel sees the command line as it was written in
 * grub.cfg. QEMU's Multiboot 1 loader passes -append's text as it is.
 */
static void copy_loader_command_line(char *dst, const char *src, size_t size, bool unescape)
{
	size_t n = 0;

	for (; *src && n + 1 < size; src++) {
		if (unescape && src[0] == '\\' &&
		    (src[1] == '"' || src[1] == '\'' || src[1] == '\\'))
			src++;
		dst[n++] = *src;
	}
	dst[n] = '\0';
}

/* Read the boot information of either Multiboot protocol into boot_info. */
static void parse_boot_info(unsigned long magic, unsigned long info_phys)
{
	int err;

	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC)
		err = multiboot2_parse(__va(info_phys), info_phys, &boot_info);
	else if (magic == MULTIBOOT_BOOTLOADER_MAGIC)
		err = multiboot1_parse(info_phys, &boot_info);
	else
		panic("not booted by a Multiboot loader (magic 0x%lx)", magic);
	if (err)
		panic("malformed Multiboot%s information at 0x%lx",
		      magic == MULTIBOOT2_BOOTLOADER_MAGIC ? "2" : " 1", info_phys);
	copy_loader_command_line(boot_command_line, boot_info.command_line, 1024,
				 magic == MULTIBOOT2_BOOTLOADER_MAGIC);
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

	boot_init_stack_canary(&init_task.stack_canary);
	serial_init();
	vga_init();
	printk(KERN_NOTICE "%s", linux_banner);
	parse_boot_info(magic, info_phys);
	parse_early_param();
	print_boot_info(&boot_info);

	gdt_init();
	idt_init();
	identify_boot_cpu();
	setup_memory_map(&boot_info);
	mm_init_all();
	trace_init();
	fork_init();
	syscall_table_init();
	syscall_init(&init_task);
	populate_rootfs();
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

/*
 * The first process (pid 1), still in the kernel: open the console as
 * descriptors 0-2 and execute init= (default /bin/sh) with the words after
 * " -- " on the command line as its arguments; then leave for user mode.
 */
static void kernel_init(void)
{
	static const char *const envp[] = { "HOME=/", "PATH=/bin", "TERM=linux", NULL };
	const char *argv[MAX_INIT_ARGS + 2];
	const char *init = cmdline_get("init");
	static char path[256];
	int err;

	local_irq_enable();
	strlcpy(path, init && *init ? init : "/bin/sh", sizeof(path));
	init_arguments(path, argv);
	open_console_fds();
	current->traced = strace_all();
	err = kernel_execve(path, argv, envp);
	if (err)
		panic("Requested init %s failed (error %d).", path, err);
	if (cmdline_get("crashtest"))
		run_user_crashtest(cmdline_get("crashtest"));
	return_to_user_mode(task_pt_regs(current));
}

void rest_init(void)
{
	struct task_struct *init = alloc_task();

	if (!init)
		panic("no memory for the init task");
	init->pgid = 1;
	strlcpy(init->comm, "init", TASK_COMM_LEN);
	copy_kernel_thread(init, kernel_init);
	attach_task(init, &init_task);
	wake_up_new_task(init);
	cpu_idle();
}
