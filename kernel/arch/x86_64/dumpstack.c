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
#include <asm/pgtable.h>
#include <asm/page.h>

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

/*
 * Print the call trace: @return_address first when it is not 0, then the
 * frames from frame pointer @frame on.
 */
static void show_trace_from(unsigned long return_address, unsigned long frame)
{
	char symbol[KSYM_SYMBOL_LEN];
	int depth;

	printk(KERN_EMERG "Call Trace:\n <TASK>\n");
	if (return_address) {
		sprint_symbol(symbol, return_address - 1);
		printk(KERN_EMERG " %s\n", symbol);
	}
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

/* Print the call trace that starts at frame pointer @frame. */
void show_trace(unsigned long frame)
{
	show_trace_from(0, frame);
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

/*
 * Walk the page tables for @address: store the entries met, top down, in
 * @entries and return how many (the last is the leaf, or the first entry
 * not present).
 */
static int walk_page_table(unsigned long address, unsigned long entries[4])
{
	pgd_t *pgd = pgd_offset_pgd(__va(__read_cr3() & PTE_PFN_MASK), address);
	pud_t *pud;
	pmd_t *pmd;

	entries[0] = pgd_val(*pgd);
	if (!pgd_present(*pgd))
		return 1;
	pud = pud_offset(pgd, address);
	entries[1] = pud_val(*pud);
	if (!pud_present(*pud) || pud_large(*pud))
		return 2;
	pmd = pmd_offset(pud, address);
	entries[2] = pmd_val(*pmd);
	if (!pmd_present(*pmd) || pmd_large(*pmd))
		return 3;
	entries[3] = pte_val(*pte_offset_kernel(pmd, address));
	return 4;
}

/*
 * Linux's dump_pagetable: the entries for the faulting address on one line
 * (P4D repeats the PGD entry: 4-level paging folds that level).
 */
static void dump_pagetable(const unsigned long *entries, int levels)
{
	static const char *const names[] = { "PUD", "PMD", "PTE" };

	printk(KERN_ALERT "PGD %lx P4D %lx", entries[0], entries[0]);
	for (int i = 1; i < levels; i++)
		printk(KERN_CONT " %s %lx", names[i - 1], entries[i]);
	printk(KERN_CONT "\n");
}

/* Is the leaf of @entries a present page that user mode may access (U set at every level)? */
static bool user_page(const unsigned long *entries, int levels)
{
	unsigned long all = _PAGE_PRESENT | _PAGE_USER;

	for (int i = 0; i < levels; i++)
		all &= entries[i];
	return all == (_PAGE_PRESENT | _PAGE_USER);
}

/* May the leaf of @entries be executed (NX clear at every level)? */
static bool executable(const unsigned long *entries, int levels)
{
	for (int i = 0; i < levels; i++)
		if (entries[i] & _PAGE_NX)
			return false;
	return true;
}

/*
 * The lines Linux's show_fault_oops prints before "Oops:" for a page
 * fault: why an instruction fetch failed, the address, the access and the
 * page-table entries. One line is this kernel's own: Linux does not name
 * SMAP when the kernel touches a user page with the door shut; here the
 * reader is told.
 */
static void show_fault_oops(const struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2(), entries[4];
	int levels = walk_page_table(address, entries);
	bool present = entries[levels - 1] & _PAGE_PRESENT;
	bool exec = executable(entries, levels), user = user_page(entries, levels);

	if (error_code & X86_PF_INSTR) {
		if (present && !exec)
			printk(KERN_CRIT "kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
		if (present && exec && user && (read_cr4() & X86_CR4_SMEP))
			printk(KERN_CRIT "unable to execute userspace code (SMEP?) (uid: 0)\n");
	}
	if (address < 4096 && !user_mode(regs))
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n", address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       error_code & X86_PF_USER ? "user" : "supervisor",
	       error_code & X86_PF_INSTR ? "instruction fetch" :
	       error_code & X86_PF_WRITE ? "write access" : "read access",
	       user_mode(regs) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", error_code,
	       !(error_code & X86_PF_PROT) ? "not-present page" :
	       error_code & X86_PF_RSVD ? "reserved bit violation" : "permissions violation");
	if (!(error_code & X86_PF_INSTR) && smap_violation(regs, error_code, address))
		printk(KERN_ALERT "#PF: SMAP: kernel access to user memory outside "
		       "user_access_begin()/user_access_end()\n");
	dump_pagetable(entries, levels);
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
		show_fault_oops(regs, error_code);
		what = "Oops";
	} else if (regs->vector == X86_TRAP_DF && show_stack_overflow()) {
		what = "kernel stack overflow (double-fault)";
	}
	printk(KERN_EMERG "%s: %04lx [#%d] NOPTI\n", what, error_code & 0xffff, ++die_counter);
	show_regs(regs);
	if (kernel_text_address(regs->rip))
		show_trace(regs->rbp);
	else if (!user_mode(regs) && plausible_frame(regs->rsp) &&
		 kernel_text_address(*(unsigned long *)regs->rsp))
		/* a call to a bad address: the return address it pushed names the caller */
		show_trace_from(*(unsigned long *)regs->rsp, regs->rbp);
	printk(KERN_EMERG "---[ end trace 0000000000000000 ]---\n");
	dumping = false;
	oops_in_progress = true;
	panic("Fatal exception");
}
