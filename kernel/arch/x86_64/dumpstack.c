// SPDX-License-Identifier: MIT
/*
 * Oopses: what the kernel prints when it cannot go on. The layout is
 * Linux's: a headline, "Oops: ERRCODE [#N]", the task, RIP as
 * symbol+offset/size, the registers, control registers and a call trace
 * found by following the frame-pointer chain (the kernel is built with
 * frame pointers for this).
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/kallsyms.h>
#include <linux/bug.h>
#include <linux/reboot.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/processor.h>

#define MAX_TRACE_FRAMES	32

extern char _text[], _etext[];

static int die_counter;
static bool dumping;
extern bool oops_in_progress;

/* Is @address a stack guard page? Then set the stack's range (stack.c). */
bool stack_guard_page_hit(unsigned long address, unsigned long *stack_low,
			  unsigned long *stack_high);

/* Is @address inside the kernel's code? */
static bool kernel_text_address(unsigned long address)
{
	return address >= (unsigned long)_text && address < (unsigned long)_etext;
}

/* A frame pointer we may follow: in the kernel half, aligned, non-zero. */
static bool plausible_frame(unsigned long frame)
{
	return frame >= 0xffff800000000000UL && (frame & 7) == 0 && frame < ~0xfUL;
}

/* Print the call trace that starts at frame pointer @frame. */
void show_trace(unsigned long frame)
{
	char symbol[KSYM_SYMBOL_LEN];
	int depth;

	printk(KERN_EMERG "Call Trace:\n <TASK>\n");
	for (depth = 0; depth < MAX_TRACE_FRAMES && plausible_frame(frame); depth++) {
		unsigned long return_address = ((unsigned long *)frame)[1];

		if (!kernel_text_address(return_address))
			break;
		/* return_address - 1 names the call instruction's function */
		sprint_symbol(symbol, return_address - 1);
		printk(KERN_EMERG " %s\n", symbol);
		frame = ((unsigned long *)frame)[0];
	}
	printk(KERN_EMERG " </TASK>\n");
}

/* The backtrace of the caller, as Linux's dump_stack(). */
void dump_stack(void)
{
	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current_pid_for_oops(), current_comm_for_oops());
	show_trace((unsigned long)__builtin_frame_address(0));
}

/* Print every register of @regs in Linux's layout. */
void show_regs(const struct pt_regs *regs)
{
	char symbol[KSYM_SYMBOL_LEN];

	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current_pid_for_oops(), current_comm_for_oops());
	sprint_symbol(symbol, regs->rip);
	printk(KERN_EMERG "RIP: %04lx:%s\n", regs->cs & 0xffff, symbol);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss & 0xffff, regs->rsp, regs->rflags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp, regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), __read_cr3(), read_cr4());
}

/* The headline lines Linux prints before "Oops:" for a page fault. */
static void show_fault_headline(unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (address < 4096)
		printk(KERN_EMERG "BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		printk(KERN_EMERG "BUG: unable to handle page fault for address: %016lx\n", address);
	printk(KERN_EMERG "#PF: %s %s access in %s mode\n",
	       error_code & X86_PF_USER ? "user" : "supervisor",
	       error_code & X86_PF_INSTR ? "instruction fetch" :
	       error_code & X86_PF_WRITE ? "write" : "read",
	       error_code & X86_PF_USER ? "user" : "kernel");
	printk(KERN_EMERG "#PF: error_code(0x%04lx) - %s\n", error_code,
	       error_code & X86_PF_RSVD ? "reserved bit violation" :
	       error_code & X86_PF_PROT ? "permissions violation" : "not-present page");
}

/* A double fault whose CR2 lies in a stack guard page is a stack overflow. */
static bool show_stack_overflow(void)
{
	unsigned long low, high, address = read_cr2();

	if (!stack_guard_page_hit(address, &low, &high))
		return false;
	printk(KERN_EMERG "BUG: stack guard page was hit at %016lx (stack is %016lx..%016lx)\n",
	       address, low, high - 1);
	return true;
}

void die(const char *what, struct pt_regs *regs, unsigned long error_code)
{
	local_irq_disable();
	if (dumping) {
		printk(KERN_EMERG "Fault while printing an oops: %s at %016lx\n", what, regs->rip);
		machine_halt();
	}
	dumping = true;
	if (regs->vector == X86_TRAP_PF) {
		show_fault_headline(error_code);
		what = "Oops";
	} else if (regs->vector == X86_TRAP_DF && show_stack_overflow()) {
		what = "kernel stack overflow (double-fault)";
	}
	printk(KERN_EMERG "%s: %04lx [#%d] NOPTI\n", what, error_code & 0xffff, ++die_counter);
	show_regs(regs);
	if (kernel_text_address(regs->rip))
		show_trace(regs->rbp);
	printk(KERN_EMERG "---[ end trace 0000000000000000 ]---\n");
	dumping = false;
	oops_in_progress = true;
	panic("Fatal exception");
}
