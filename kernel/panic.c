// SPDX-License-Identifier: MIT
/*
 * panic() and the BUG/WARN reports. After a panic the kernel stops: by
 * default it halts (the message stays on screen); with panic=N on the
 * command line (N != 0, as the test runner passes) it powers off with
 * PANIC_EXIT_STATUS so QEMU exits with a failure status.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <asm/processor.h>

void dump_stack(void);

static long panic_timeout;
static bool in_panic;
bool oops_in_progress;	/* set by die(): the trace is already printed */

/* "panic=N": when N is not 0, a panic powers the machine off instead of halting. */
static int set_panic_timeout(char *value)
{
	panic_timeout = simple_strtol(value, NULL, 0);
	return 0;
}
early_param("panic", set_panic_timeout);

/* Print the message and a stack dump (once), then power off or halt. Does not return. */
void panic(const char *fmt, ...)
{
	char message[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vsnprintf(message, sizeof(message), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", message);
	if (!in_panic && !oops_in_progress) {
		in_panic = true;
		dump_stack();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", message);
	if (panic_timeout != 0)
		machine_power_off(PANIC_EXIT_STATUS);
	machine_halt();
}

/*
 * Called by a function built with the stack protector whose canary was
 * overwritten on return: its stack is corrupt and so, maybe, its return
 * address. Linux's message names that function (%pB of our return address).
 */
__noreturn void __stack_chk_fail(void)
{
	panic("stack-protector: Kernel stack is corrupted in: %pB", __builtin_return_address(0));
}

/* BUG()/BUG_ON(): print where (and @cond, if any), then oops through ud2. Does not return. */
void report_bug(const char *file, int line, const char *cond)
{
	if (cond)
		printk(KERN_EMERG "kernel BUG at %s:%d! (%s)\n", file, line, cond);
	else
		printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	/* ud2 makes the report an invalid-opcode oops with the full register dump */
	__asm__ __volatile__("ud2");
	panic("BUG");
}

/* WARN_ON(): print where and @cond with a stack dump, then carry on. */
void report_warning(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: CPU: 0 at %s:%d: %s\n", file, line, cond);
	dump_stack();
}
