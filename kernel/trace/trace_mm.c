// SPDX-License-Identifier: MIT
/*
 * The mmviz snapshots (trace/events/mmviz.h): after an event announced
 * a change to the current process's address space (a store in its maple
 * tree, an unmap, a page fault), the next mmap, fault or system-call
 * event first records
 *
 *	mt_dump: the tree, as GDB's lx-mtdump prints it (mt_dump_lx)
 *	mm_state: mm=... brk=... start_brk=... map_count=... rss=...
 *		  free_pages=... vm_area_struct=...
 *		the /proc/PID/maps lines
 *		present: the runs of present pages, [start-end) in hex
 *
 * Those events run where the tree is consistent, so a snapshot never
 * sees a store half done; the allocator events (kmem), which run inside
 * stores, never take one. Only the current task's mm is recorded: it
 * cannot go away while its task runs.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/maple_tree.h>
#include <asm/pgtable.h>
#include "../fs/internal.h"
#include "trace.h"

static struct maple_tree *pending;	/* current's tree, changed since the last snapshot */

void trace_mm_changed(struct maple_tree *mt)
{
	if (!READ_ONCE(event_mt_dump.enabled) && !READ_ONCE(event_mm_state.enabled))
		return;
	if (current && current->mm && mt == &current->mm->mm_mt)
		pending = mt;
}


/* A leaf entry of an mm's tree is a VMA: "0x<vma> vma 0x<start>-0x<end>" as lx-mtdump --vma. */
static void vma_label(struct seq_file *m, void *entry)
{
	struct vm_area_struct *vma = entry;

	seq_printf(m, "0x%lx vma 0x%lx-0x%lx", (unsigned long)vma, vma->vm_start, vma->vm_end);
}

/* Append the runs of present pages of [start, end) of @mm; *@run_start is an open run or 0. */
static void present_runs(struct seq_file *m, struct mm_struct *mm, unsigned long start,
			 unsigned long end, unsigned long *run_start)
{
	unsigned long addr = start;

	while (addr < end) {
		pte_t *pte;
		bool present = false;
		unsigned long next = addr + PAGE_SIZE;

		if (follow_pte(mm, addr, &pte)) {
			/* no page table here: skip to the next one */
			next = min(end, (addr + PMD_SIZE) & PMD_MASK);
		} else {
			present = pte_present(*pte);
		}
		if (present && !*run_start)
			*run_start = addr;
		if (!present && *run_start) {
			seq_printf(m, " 0x%lx-0x%lx", *run_start, addr);
			*run_start = 0;
		}
		addr = next;
	}
}

static void record_mt_dump(struct mm_struct *mm)
{
	struct seq_file *m = trace_record_begin(&event_mt_dump);

	if (!m)
		return;
	seq_printf(m, "mm=%p\n", (void *)mm);
	mt_dump_lx(m, &mm->mm_mt, vma_label);
	trace_record_end(m);
}

static void record_mm_state(struct mm_struct *mm)
{
	struct seq_file *m = trace_record_begin(&event_mm_state);
	struct vm_area_struct *vma;
	unsigned long run_start = 0, last_end = 0;
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	if (!m)
		return;
	seq_printf(m, "mm=%p brk=0x%lx start_brk=0x%lx start_stack=0x%lx map_count=%d rss=%lu "
		   "free_pages=%lu vm_area_struct=%lu\n", (void *)mm, mm->brk, mm->start_brk,
		   mm->start_stack, mm->map_count, get_mm_rss(mm), nr_free_pages_with_pcp(),
		   kmem_cache_active_objects(vm_area_cachep));
	show_maps(m, mm);
	seq_puts(m, "present:");
	mas_for_each(&mas, vma, ULONG_MAX) {
		if (run_start && vma->vm_start != last_end) {
			seq_printf(m, " 0x%lx-0x%lx", run_start, last_end);
			run_start = 0;
		}
		present_runs(m, mm, vma->vm_start, vma->vm_end, &run_start);
		last_end = vma->vm_end;
	}
	if (run_start)
		seq_printf(m, " 0x%lx-0x%lx", run_start, last_end);
	trace_record_end(m);
}

void trace_mm_flush(void)
{
	struct maple_tree *mt = pending;

	if (!mt)
		return;
	pending = NULL;
	if (!current || !current->mm || mt != &current->mm->mm_mt)
		return;
	if (READ_ONCE(event_mt_dump.enabled))
		record_mt_dump(current->mm);
	if (READ_ONCE(event_mm_state.enabled))
		record_mm_state(current->mm);
}

/* The exiting task has dropped current->mm already, but @mm is whole until exit_mmap runs. */
void trace_mm_destroyed(struct mm_struct *mm)
{
	if (pending != &mm->mm_mt) {
		trace_mm_flush();
		return;
	}
	pending = NULL;
	if (READ_ONCE(event_mt_dump.enabled))
		record_mt_dump(mm);
	if (READ_ONCE(event_mm_state.enabled))
		record_mm_state(mm);
}
