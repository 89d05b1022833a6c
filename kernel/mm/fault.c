// SPDX-License-Identifier: MIT
/*
 * The x86 page-fault handler for user addresses (Linux 6.1
 * arch/x86/mm/fault.c: do_user_addr_fault, access_error,
 * __bad_area_nosemaphore, show_signal_msg).
 *
 * traps.c calls handle_page_fault() for every #PF. A fault inside a VMA
 * that allows the access is resolved by handle_mm_fault (demand paging,
 * stack growth). A bad access from user mode prints Linux's line
 *
 *   NAME[PID]: segfault at ADDR ip IP sp SP error N in FILE[BASE+SIZE] likely on CPU 0 (core 0, socket 0)
 *
 * and gets SIGSEGV; from kernel mode (a uaccess routine) it returns false
 * so traps.c applies the exception-table fixup or oopses.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <trace/events/exceptions.h>

/*
 * May this fault's access touch @vma? Linux access_error: a write needs
 * VM_WRITE; a read of a present page is a protection fault (an execute of
 * an NX page lands here too: its first fault maps the page, the second is
 * refused); a read of a missing page needs any access right.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

/* The last component of a path (Linux kbasename). */
static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

/* " in NAME[BASE+SIZE]" for the file VMA holding @ip (Linux print_vma_addr). */
static void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct vm_area_struct *vma = current->mm ? vma_lookup(current->mm, ip) : NULL;

	if (vma && vma->vm_file && vma->vm_file->f_path)
		printk(KERN_CONT "%s%s[%lx+%lx]", prefix, kbasename(vma->vm_file->f_path),
		       vma->vm_start, vma->vm_end - vma->vm_start);
}

#define SEGFAULT_FMT "%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx"

/*
 * Linux show_signal_msg (6.1, one CPU): the segfault line, at KERN_INFO
 * (KERN_ERR for init). %016lx prints what Linux's %px does.
 */
static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address, struct task_struct *tsk)
{
	if (tsk->pid > 1)
		printk(KERN_INFO SEGFAULT_FMT, tsk->comm, tsk->pid, address,
		       regs->rip, regs->rsp, error_code);
	else
		printk(KERN_ERR SEGFAULT_FMT, tsk->comm, tsk->pid, address,
		       regs->rip, regs->rsp, error_code);
	print_vma_addr(" in ", regs->rip);
	printk(KERN_CONT " likely on CPU %d (core %d, socket %d)", 0, 0, 0);
	printk(KERN_CONT "\n");
}

/*
 * A bad access: from user mode, report and queue SIGSEGV (true: handled);
 * from kernel mode, leave it to the exception table (false).
 */
static bool __bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address,
		       int si_code)
{
	if (!user_mode(regs))
		return false;
	/* Linux sanitize_error_code: do not reveal whether a kernel page is mapped */
	if (address >= TASK_SIZE)
		error_code |= X86_PF_PROT;
	/* as Linux: the line is for deaths, not for faults a handler takes */
	if (unhandled_signal(current, SIGSEGV))
		show_signal_msg(regs, error_code, address, current);
	force_sig_fault(SIGSEGV, si_code, address);
	return true;
}

/* Nothing is mapped at @address (Linux's bad_area: SEGV_MAPERR). */
static bool bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	return __bad_area(regs, error_code, address, SEGV_MAPERR);
}

/* A mapping is there but forbids the access (Linux's bad_area_access_error: SEGV_ACCERR). */
static bool bad_area_access_error(struct pt_regs *regs, unsigned long error_code,
				  unsigned long address)
{
	return __bad_area(regs, error_code, address, SEGV_ACCERR);
}

/* Page-table pages below @pgd's user half (what Linux keeps in mm->pgtables_bytes). */
static unsigned long count_user_page_tables(pgd_t *pgd)
{
	unsigned long tables = 0;

	for (int i = 0; i < PTRS_PER_PGD / 2; i++) {
		pud_t *pud = pgd_present(pgd[i]) ? pgd_pgtable(pgd[i]) : NULL;

		for (int j = 0; pud && j < PTRS_PER_PUD; j++) {
			pmd_t *pmd = pud_present(pud[j]) && !pud_large(pud[j]) ? pud_pgtable(pud[j]) : NULL;

			for (int k = 0; pmd && k < PTRS_PER_PMD; k++)
				tables += pmd_present(pmd[k]) && !pmd_large(pmd[k]);
			tables += pmd != NULL;
		}
		tables += pud != NULL;
	}
	return tables;
}

/*
 * The report of Linux 6.1's OOM killer (mm/oom_kill.c __oom_kill_process)
 * for the victim this kernel chooses: the process whose fault found no page.
 */
static void oom_kill_report(void)
{
	struct mm_struct *mm = current->mm;

	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:0kB, UID:0 pgtables:%lukB oom_score_adj:0\n",
	       current->pid, current->comm, mm->total_vm << (PAGE_SHIFT - 10),
	       mm->rss_stat[MM_ANONPAGES] << (PAGE_SHIFT - 10),
	       mm->rss_stat[MM_FILEPAGES] << (PAGE_SHIFT - 10),
	       count_user_page_tables(mm->pgd) << (PAGE_SHIFT - 10));
}

/* Linux do_user_addr_fault: find the VMA, grow the stack, check, fault the page in. */
static bool do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	trace_page_fault_user(address, regs, error_code);
	if (error_code & X86_PF_RSVD)
		return bad_area(regs, error_code, address);
	/*
	 * Linux: with SMAP on, a kernel access to user memory outside
	 * user_access_begin/end is a bug, not a fault to resolve or fix up.
	 */
	if (smap_violation(regs, error_code, address))
		die("page fault", regs, error_code);
	if (error_code & X86_PF_USER)
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

	vma = find_vma(mm, address);
	if (!vma)
		return bad_area(regs, error_code, address);
	if (vma->vm_start > address) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, address))
			return bad_area(regs, error_code, address);
	}
	if (access_error(error_code, vma))
		return bad_area_access_error(regs, error_code, address);

	fault = handle_mm_fault(vma, address, flags);
	if (fault & VM_FAULT_OOM) {
		/* no memory for the page: Linux's OOM killer would pick a victim; here the faulter dies */
		if (!user_mode(regs))
			return false;
		oom_kill_report();
		force_sig(SIGKILL);
		return true;
	}
	if (fault & VM_FAULT_SIGSEGV)
		return bad_area(regs, error_code, address);
	return true;
}

/**
 * handle_page_fault - the memory manager's #PF handler, called by traps.c
 * @regs: the faulting context; @error_code: X86_PF_* bits; @address: CR2
 *
 * Returns true when the fault is resolved or the user process was given
 * SIGSEGV; false for kernel-mode faults it cannot resolve (the caller
 * then tries the exception table, else oopses).
 */
bool handle_page_fault(struct pt_regs *regs, unsigned long error_code,
		       unsigned long address)
{
	if (address >= TASK_SIZE || !current || !current->mm)
		return user_mode(regs) ? bad_area(regs, error_code, address) : false;
	return do_user_addr_fault(regs, error_code, address);
}
