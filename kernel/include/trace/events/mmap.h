/* SPDX-License-Identifier: MIT */
/*
 * The mmap events: Linux 6.1's include/trace/events/mmap.h (vma_store,
 * vma_mas_szero, exit_mmap: every change to an mm's maple tree), and the
 * steps of the brk path that Linux does not trace but the notes walk
 * through (brk_enter/brk_exit, split_vma, munmap_sidetree, unmap_region,
 * free_pgtables, vma_expand, vma_merge). Formats: kernel/trace/trace_events.c.
 */
#ifndef _TRACE_EVENTS_MMAP_H
#define _TRACE_EVENTS_MMAP_H

#include <linux/tracepoint.h>

struct maple_tree;
struct mm_struct;
struct vm_area_struct;

/* @vma is about to be stored in @mt over [vm_start, vm_end - 1]. */
DEFINE_TRACE_HOOK(vma_store, (struct maple_tree *mt, struct vm_area_struct *vma), (mt, vma))
/* [start, end] (inclusive) of @mt is about to become NULL. */
DEFINE_TRACE_HOOK(vma_mas_szero, (struct maple_tree *mt, unsigned long start, unsigned long end),
		  (mt, start, end))
/* @mm's mappings and tree are about to be torn down. */
DEFINE_TRACE_HOOK(exit_mmap, (struct mm_struct *mm), (mm))
/* brk(@brk) begins; @mm->brk is the old break. */
DEFINE_TRACE_HOOK(brk_enter, (struct mm_struct *mm, unsigned long brk), (mm, brk))
/* brk returns @ret; @oldbrk was the break before the call. */
DEFINE_TRACE_HOOK(brk_exit, (struct mm_struct *mm, unsigned long oldbrk, unsigned long ret),
		  (mm, oldbrk, ret))
/* __split_vma(@vma, @addr, @new_below) begins. */
DEFINE_TRACE_HOOK(split_vma, (struct vm_area_struct *vma, unsigned long addr, int new_below),
		  (vma, addr, new_below))
/* @vma goes into the detached side tree of do_mas_align_munmap. */
DEFINE_TRACE_HOOK(munmap_sidetree, (struct vm_area_struct *vma), (vma))
/* unmap_region: the pages of [start, end) go back, then the page tables. */
DEFINE_TRACE_HOOK(unmap_region, (unsigned long start, unsigned long end), (start, end))
/* free_pgtables frees the tables of [start of @vma, ...) between @floor and @ceiling. */
DEFINE_TRACE_HOOK(free_pgtables, (struct vm_area_struct *vma, unsigned long floor,
				  unsigned long ceiling), (vma, floor, ceiling))
/* vma_expand: @vma grows to [start, end). */
DEFINE_TRACE_HOOK(vma_expand, (struct vm_area_struct *vma, unsigned long start, unsigned long end),
		  (vma, start, end))
/* vma_merge: can [addr, end) become part of @prev or the VMA after it? */
DEFINE_TRACE_HOOK(vma_merge, (struct vm_area_struct *prev, unsigned long addr, unsigned long end),
		  (prev, addr, end))

#endif
