// SPDX-License-Identifier: MIT
/*
 * Every trace event: its switch (struct trace_event_call) and its
 * recorder, which prints the fields in Linux 6.1's TP_printk format
 * where Linux has the event (include/trace/events/mmap.h, kmem.h,
 * syscalls.h, arch/x86/include/asm/trace/exceptions.h), else in the same
 * "name=value" style. Pointers print in full (as Linux's with
 * no_hash_pointers), so they match what GDB shows.
 *
 * The mmap, fault and system-call recorders run where the mm is
 * consistent: each first lets trace_mm.c record the snapshot of a change
 * the previous event announced (see trace/events/mmviz.h).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <asm/ptrace.h>
#include <trace/events/mmap.h>
#include <trace/events/kmem.h>
#include <trace/events/exceptions.h>
#include <trace/events/raw_syscalls.h>
#include <trace/events/mmviz.h>
#include "trace.h"

#define EVENT(sys, n) struct trace_event_call event_##n = { .system = #sys, .name = #n }

EVENT(exceptions, page_fault_user);
EVENT(kmem, kmem_cache_alloc);
EVENT(kmem, kmem_cache_free);
EVENT(kmem, mm_page_alloc);
EVENT(kmem, mm_page_free);
EVENT(mmap, brk_enter);
EVENT(mmap, brk_exit);
EVENT(mmap, exit_mmap);
EVENT(mmap, free_pgtables);
EVENT(mmap, munmap_sidetree);
EVENT(mmap, split_vma);
EVENT(mmap, unmap_region);
EVENT(mmap, vma_expand);
EVENT(mmap, vma_mas_szero);
EVENT(mmap, vma_merge);
EVENT(mmap, vma_store);
EVENT(mmviz, mm_state);
EVENT(mmviz, mt_dump);
EVENT(mmviz, strace);
EVENT(raw_syscalls, sys_enter);
EVENT(raw_syscalls, sys_exit);

struct trace_event_call *const trace_event_list[] = {
	&event_page_fault_user,
	&event_kmem_cache_alloc, &event_kmem_cache_free, &event_mm_page_alloc, &event_mm_page_free,
	&event_brk_enter, &event_brk_exit, &event_exit_mmap, &event_free_pgtables,
	&event_munmap_sidetree, &event_split_vma, &event_unmap_region, &event_vma_expand,
	&event_vma_mas_szero, &event_vma_merge, &event_vma_store,
	&event_mm_state, &event_mt_dump, &event_strace,
	&event_sys_enter, &event_sys_exit,
};
const unsigned int trace_event_count = ARRAY_SIZE(trace_event_list);

/* ---- mmap (Linux's three, then the notes' path) ---- */

void __trace_vma_store(struct maple_tree *mt, struct vm_area_struct *vma)
{
	trace_mm_flush();
	trace_event_printf(&event_vma_store, "mt_mod %p, (%p), STORE, %lu, %lu,",
			   (void *)mt, (void *)vma, vma->vm_start, vma->vm_end - 1);
	trace_mm_changed(mt);
}

void __trace_vma_mas_szero(struct maple_tree *mt, unsigned long start, unsigned long end)
{
	trace_mm_flush();
	trace_event_printf(&event_vma_mas_szero, "mt_mod %p, (NULL), SNULL, %lu, %lu,",
			   (void *)mt, start, end);
	trace_mm_changed(mt);
}

void __trace_exit_mmap(struct mm_struct *mm)
{
	trace_mm_destroyed(mm);
	trace_event_printf(&event_exit_mmap, "mt_mod %p, DESTROY", (void *)&mm->mm_mt);
}

void __trace_brk_enter(struct mm_struct *mm, unsigned long brk)
{
	trace_mm_flush();
	trace_event_printf(&event_brk_enter, "brk=%#lx oldbrk=%#lx start_brk=%#lx",
			   brk, mm->brk, mm->start_brk);
}

void __trace_brk_exit(struct mm_struct *mm, unsigned long oldbrk, unsigned long ret)
{
	trace_mm_flush();
	trace_event_printf(&event_brk_exit, "oldbrk=%#lx ret=%#lx", oldbrk, ret);
}

void __trace_split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	trace_mm_flush();
	trace_event_printf(&event_split_vma, "vma=%p [%#lx-%#lx) addr=%#lx new_below=%d",
			   (void *)vma, vma->vm_start, vma->vm_end, addr, new_below);
}

void __trace_munmap_sidetree(struct vm_area_struct *vma)
{
	trace_mm_flush();
	trace_event_printf(&event_munmap_sidetree, "vma=%p [%#lx-%#lx)",
			   (void *)vma, vma->vm_start, vma->vm_end);
}

void __trace_unmap_region(unsigned long start, unsigned long end)
{
	trace_mm_flush();
	trace_event_printf(&event_unmap_region, "start=%#lx end=%#lx", start, end);
	if (current && current->mm)
		trace_mm_changed(&current->mm->mm_mt);	/* pages go */
}

void __trace_free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling)
{
	trace_mm_flush();
	trace_event_printf(&event_free_pgtables, "vma=%p [%#lx-%#lx) floor=%#lx ceiling=%#lx",
			   (void *)vma, vma->vm_start, vma->vm_end, floor, ceiling);
}

void __trace_vma_expand(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	trace_mm_flush();
	trace_event_printf(&event_vma_expand, "vma=%p [%#lx-%#lx) to [%#lx-%#lx)",
			   (void *)vma, vma->vm_start, vma->vm_end, start, end);
}

void __trace_vma_merge(struct vm_area_struct *prev, unsigned long addr, unsigned long end)
{
	trace_mm_flush();
	if (prev)
		trace_event_printf(&event_vma_merge, "addr=%#lx end=%#lx prev=%p [%#lx-%#lx)",
				   addr, end, (void *)prev, prev->vm_start, prev->vm_end);
	else
		trace_event_printf(&event_vma_merge, "addr=%#lx end=%#lx prev=(null)", addr, end);
}

/* ---- kmem: no snapshots here, these run inside the allocators ---- */

/* Linux's show_gfp_flags for the flags this kernel has (GFP_KERNEL is 0 here). */
static const char *gfp_names(gfp_t gfp)
{
	switch (gfp & (__GFP_ZERO | __GFP_NOWARN)) {
	case __GFP_ZERO:
		return "GFP_KERNEL|__GFP_ZERO";
	case __GFP_NOWARN:
		return "GFP_KERNEL|__GFP_NOWARN";
	case __GFP_ZERO | __GFP_NOWARN:
		return "GFP_KERNEL|__GFP_NOWARN|__GFP_ZERO";
	default:
		return "GFP_KERNEL";
	}
}

void __trace_mm_page_alloc(struct page *page, unsigned int order, gfp_t gfp)
{
	/* migratetype 0: MIGRATE_UNMOVABLE, the only one here */
	trace_event_printf(&event_mm_page_alloc, "page=%p pfn=0x%lx order=%u migratetype=0 gfp_flags=%s",
			   (void *)page, page_to_pfn(page), order, gfp_names(gfp));
}

void __trace_mm_page_free(struct page *page, unsigned int order)
{
	trace_event_printf(&event_mm_page_free, "page=%p pfn=0x%lx order=%u",
			   (void *)page, page_to_pfn(page), order);
}

void __trace_kmem_cache_alloc(unsigned long call_site, const void *ptr, struct kmem_cache *s,
			      gfp_t gfp)
{
	trace_event_printf(&event_kmem_cache_alloc,
			   "call_site=%pS ptr=%p bytes_req=%u bytes_alloc=%u gfp_flags=%s node=-1 accounted=false",
			   (void *)call_site, ptr, s->object_size, s->size, gfp_names(gfp));
}

void __trace_kmem_cache_free(unsigned long call_site, const void *ptr, const struct kmem_cache *s)
{
	trace_event_printf(&event_kmem_cache_free, "call_site=%pS ptr=%p name=%s",
			   (void *)call_site, ptr, s->name);
}

/* ---- exceptions, raw_syscalls ---- */

void __trace_page_fault_user(unsigned long address, struct pt_regs *regs, unsigned long error_code)
{
	if (!user_mode(regs))
		return;		/* a kernel access to user memory: Linux's page_fault_kernel */
	trace_mm_flush();
	/* Linux prints address and ip with %ps: a user address has no symbol, so hex */
	trace_event_printf(&event_page_fault_user, "address=0x%lx ip=0x%lx error_code=0x%lx",
			   address, regs->rip, error_code);
	if (current && current->mm)
		trace_mm_changed(&current->mm->mm_mt);	/* a page may arrive */
}

void __trace_sys_enter(struct pt_regs *regs, long id)
{
	trace_mm_flush();
	trace_event_printf(&event_sys_enter, "NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)", id,
			   regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8, regs->r9);
}

void __trace_sys_exit(struct pt_regs *regs, long ret)
{
	trace_mm_flush();
	trace_event_printf(&event_sys_exit, "NR %ld = %ld", (long)regs->orig_rax, ret);
}

/* ---- mmviz:strace: the text, with '\\' and newlines escaped so a record stays one line ---- */

void __trace_strace(const char *text, size_t len)
{
	struct seq_file *m;

	trace_mm_flush();
	m = trace_record_begin(&event_strace);
	if (!m)
		return;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			seq_puts(m, "\\n");
		else if (text[i] == '\\')
			seq_puts(m, "\\\\");
		else
			seq_putc(m, text[i]);
	}
	trace_record_end(m);
}
