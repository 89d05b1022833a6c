// SPDX-License-Identifier: MIT
/*
 * The process address space (Linux 6.1 mm/mmap.c, kernel/fork.c's mm and
 * VMA parts, arch/x86/mm/mmap.c): VMAs in the mm's maple tree, brk, mmap,
 * munmap, mprotect, stack growth, fork and exit.
 *
 * SYSCALL_DEFINE1(brk) and the functions under it follow
 * shared/seed/brk-notes.en.md step by step; the comments "notes: ..."
 * name the paragraph each line implements. docs/brk.md walks through it.
 *
 * VMAs are found only through mm->mm_mt, keyed by [vm_start, vm_end - 1].
 * There is no mmap_lock: this kernel runs one CPU and never preempts the
 * kernel, so a system call's tree updates are never interleaved.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <trace/events/mmap.h>

int sysctl_max_map_count = 65530;		/* DEFAULT_MAX_MAP_COUNT */
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;
unsigned long mmap_min_addr = 65536;		/* CONFIG_DEFAULT_MMAP_MIN_ADDR on x86 */

struct kmem_cache *mm_cachep;		/* "mm_struct" */
struct kmem_cache *vm_area_cachep;	/* "vm_area_struct" */

#define FIRST_USER_ADDRESS	0UL
#define USER_PGTABLES_CEILING	0UL	/* 0: up to the top of the address space */
#define VM_ACCESS_FLAGS		(VM_READ | VM_WRITE | VM_EXEC)

/* Make the mm_struct and vm_area_struct caches (Linux proc_caches_init). */
void proc_caches_init(void)
{
	if (mm_cachep)
		return;
	mm_cachep = KMEM_CACHE(mm_struct, SLAB_PANIC);
	vm_area_cachep = KMEM_CACHE(vm_area_struct, SLAB_PANIC);
}

/* The mm whose tree @mas walks (Linux reads current->mm where this is used). */
static struct mm_struct *mas_mm(struct ma_state *mas)
{
	return container_of(mas->tree, struct mm_struct, mm_mt);
}

/* ---- Protections and accounting ---- */

/*
 * Linux's x86 protection_map: private mappings never get _PAGE_RW here,
 * so the first write faults (do_anonymous_page / do_wp_page decide).
 * _PAGE_PROTNONE (= the global bit, without present) marks PROT_NONE.
 */
#define _PAGE_PROTNONE		_PAGE_GLOBAL
#define __PAGE_NONE		(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define __PAGE_READONLY		(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define __PAGE_READONLY_EXEC	(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)

/* The pte bits for pages of a VMA with @vm_flags (Linux vm_get_page_prot). */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return __pgprot(__PAGE_NONE);
	if (vm_flags & VM_EXEC)
		return __pgprot(__PAGE_READONLY_EXEC);
	return __pgprot(__PAGE_READONLY);	/* x86 cannot map write-only: w implies r */
}

/*
 * Which of mm->exec_vm, stack_vm, data_vm a VMA with @flags counts in
 * (Linux is_exec_mapping, is_stack_mapping, is_data_mapping).
 */
static bool is_exec_mapping(unsigned long flags)
{
	return (flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC;
}

static bool is_stack_mapping(unsigned long flags)
{
	return (flags & VM_STACK) == VM_STACK;
}

static bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE;
}

/* Add @npages (may be negative) to total_vm and the counter for @flags (Linux vm_stat_account). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (is_exec_mapping(flags))
		mm->exec_vm += npages;
	else if (is_stack_mapping(flags))
		mm->stack_vm += npages;
	else if (is_data_mapping(flags))
		mm->data_vm += npages;
}

/*
 * May @mm map @npages more pages with @flags? Not past RLIMIT_AS
 * (total_vm), nor RLIMIT_DATA for private writable memory (data_vm), but
 * an RLIMIT_DATA of 0 lets a program live within the hard limit, as
 * Linux's workaround for Valgrind does (Linux may_expand_vm).
 */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	if (mm->total_vm + npages > rlimit(RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if (is_data_mapping(flags) &&
	    mm->data_vm + npages > rlimit(RLIMIT_DATA) >> PAGE_SHIFT) {
		if (rlimit(RLIMIT_DATA) == 0 &&
		    mm->data_vm + npages <= rlimit_max(RLIMIT_DATA) >> PAGE_SHIFT)
			return true;
		pr_warn_once("%s (%d): VmData %lu exceed data ulimit %lu. Update limits or use boot option ignore_rlimit_data.\n",
			     current->comm, current->pid, (mm->data_vm + npages) << PAGE_SHIFT,
			     rlimit(RLIMIT_DATA));
		return false;
	}
	return true;
}

/*
 * Linux __vm_enough_memory with the default heuristic overcommit
 * (OVERCOMMIT_GUESS): refuse a single request for more pages than RAM
 * (plus swap, none here). 0 or -ENOMEM.
 */
int vm_enough_memory(struct mm_struct *mm, unsigned long pages)
{
	return pages > totalram_pages() ? -ENOMEM : 0;
}

/* Would a break at @new exceed RLIMIT_DATA @rlim? 0 or -ENOSPC (Linux check_data_rlimit). */
static int check_data_rlimit(unsigned long rlim, unsigned long new, unsigned long start,
			     unsigned long end_data, unsigned long start_data)
{
	if (rlim < RLIM_INFINITY &&
	    (new - start) + (end_data - start_data) > rlim)
		return -ENOSPC;
	return 0;
}

/* Record @mm's resident pages as VmHWM if they are a new peak (Linux update_hiwater_rss). */
void update_hiwater_rss(struct mm_struct *mm)
{
	if (mm->hiwater_rss < get_mm_rss(mm))
		mm->hiwater_rss = get_mm_rss(mm);
}

/* Record @mm's total_vm as VmPeak if it is a new peak (Linux update_hiwater_vm). */
static void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}

/* ---- VMA objects ---- */

/* A zeroed VMA of @mm from the slab allocator, or NULL (Linux vm_area_alloc). */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

/* A copy of @orig (its file gets one more reference), or NULL (Linux vm_area_dup). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *orig;
	if (new->vm_file)
		get_file(new->vm_file);
	return new;
}

/* Give the VMA object back to the slab allocator; its file is the caller's (Linux vm_area_free). */
void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/* Drop a VMA no longer in any tree: its file reference, then the object (Linux remove_vma). */
static void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

/* Store @vma in @mm's tree over [vm_start, vm_end - 1]: 0 or -ENOMEM. */
static int vma_store(struct mm_struct *mm, struct vm_area_struct *vma)
{
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_end - 1);

	trace_vma_store(&mm->mm_mt, vma);
	return mas_store_gfp(&mas, vma, GFP_KERNEL);
}

/* ---- Finding VMAs ---- */

/* The first VMA with vm_end > @addr, or NULL (Linux find_vma). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	unsigned long index = addr;

	return mt_find(&mm->mm_mt, &index, ULONG_MAX);
}

/* The first VMA intersecting [start_addr, end_addr), or NULL (Linux find_vma_intersection). */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr)
{
	unsigned long index = start_addr;

	if (end_addr <= start_addr)
		return NULL;
	return mt_find(&mm->mm_mt, &index, end_addr - 1);
}

/* The VMA containing @addr, or NULL (Linux vma_lookup). */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	return mtree_load(&mm->mm_mt, addr);
}

/*
 * find_vma(@addr), and in *@pprev the last VMA that ends at or below
 * @addr, or NULL (Linux find_vma_prev).
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	MA_STATE(mas, &mm->mm_mt, addr, addr);
	struct vm_area_struct *vma = mas_walk(&mas);

	*pprev = mas_prev(&mas, 0);
	if (!vma)
		vma = mas_next(&mas, ULONG_MAX);
	return vma;
}

/* ---- Splitting and merging ---- */

/**
 * __split_vma - cut @vma in two at @addr
 * @new_below: 1: the new VMA is the lower part [vm_start, addr) and @vma
 *	keeps [addr, vm_end); 0: the new VMA is the upper part
 *
 * Both halves keep the flags; the new one is stored in the tree over its
 * part (which overwrites that part of @vma's entry). 0 or -ENOMEM.
 */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below)
{
	unsigned long old_start = vma->vm_start, old_end = vma->vm_end;
	unsigned long old_pgoff = vma->vm_pgoff;
	unsigned long pages_below = (addr - vma->vm_start) >> PAGE_SHIFT;
	struct vm_area_struct *new = vm_area_dup(vma);

	if (!new)
		return -ENOMEM;
	trace_split_vma(vma, addr, new_below);
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += pages_below;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += pages_below;
		vma->vm_end = addr;
	}
	if (vma_store(mm, new)) {
		vma->vm_start = old_start;
		vma->vm_end = old_end;
		vma->vm_pgoff = old_pgoff;
		remove_vma(new);
		return -ENOMEM;
	}
	mm->map_count++;
	return 0;
}

/* __split_vma, refused when @mm already has sysctl_max_map_count VMAs. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

/* Same flags and file? (Linux is_mergeable_vma; VM_SOFTDIRTY does not exist here) */
static bool is_mergeable_vma(struct vm_area_struct *vma, struct file *file,
			     unsigned long vm_flags)
{
	return vma->vm_flags == vm_flags && vma->vm_file == file;
}

/* May pages of two anon_vmas share one VMA? Only if one has none yet, or they are the same. */
static bool is_mergeable_anon_vma(unsigned long anon_vma1, unsigned long anon_vma2)
{
	return !anon_vma1 || !anon_vma2 || anon_vma1 == anon_vma2;
}

/* Can [.., vma->vm_start) with these properties join @vma at its start? */
static bool can_vma_merge_before(struct vm_area_struct *vma, unsigned long vm_flags,
				 unsigned long anon_vma, struct file *file,
				 unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma_id) &&
	       vma->vm_pgoff == vm_pgoff;
}

/* Can [vma->vm_end, ..) starting at page offset @vm_pgoff join @vma at its end? */
static bool can_vma_merge_after(struct vm_area_struct *vma, unsigned long vm_flags,
				unsigned long anon_vma, struct file *file,
				unsigned long vm_pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma_id) &&
	       vma->vm_pgoff + vma_pages(vma) == vm_pgoff;
}

/* @importer takes over @exporter's pages: it gets its anon_vma too (Linux anon_vma_clone). */
static void vma_import_anon(struct vm_area_struct *importer, struct vm_area_struct *exporter)
{
	if (!importer->anon_vma_id)
		importer->anon_vma_id = exporter->anon_vma_id;
}

/* Free a VMA whose range a neighbour has taken over in the tree. */
static void vma_merge_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mm->map_count--;
	remove_vma(vma);
}

/**
 * vma_merge - make [addr, end) with these properties part of a neighbour
 * @prev: the VMA before @addr, or the VMA holding @addr (mprotect of its tail)
 * @addr, @end: the range, either unmapped (mmap, brk) or a part of one VMA
 *	("mid") being given @vm_flags (mprotect)
 *
 * Linux 6.1's cases (A = the range, P = prev, N = next, X = not mergeable):
 *
 *     AAAA              AAAA             AAAA
 *   PPPPPPNNNNNN      PPPPPPNNNNNN     PPPPPPCCCCCC
 *   cannot merge      PPNNNNNNNNNN 4   PPPPPPPPPPCC 5
 *
 *       AAAA              AAAA
 *   PPPP    NNNN      PPPPNNNNXXXX
 *   PPPPPPPPPPPP 1    PPPPPPPPPPPP 6
 *   PPPPPPPPNNNN 2    PPPPPPPPXXXX 7
 *   PPPPNNNNNNNN 3    PPPPXXXXXXXX 8
 *
 * Returns the VMA that now holds [addr, end), or NULL (no merge was possible).
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, unsigned long anon_vma,
				 struct file *file, unsigned long pgoff)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *mid, *next, *area;
	bool merge_prev = false, merge_next = false;

	trace_vma_merge(prev, addr, end);
	mid = find_vma(mm, prev ? prev->vm_end : 0);
	next = mid;
	if (mid && mid->vm_end == end)		/* cases 6, 7, 8: the range is all of mid */
		next = find_vma(mm, mid->vm_end);
	area = mid && mid->vm_start < end ? mid : NULL;	/* the VMA inside the range, if any */

	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff))
		merge_prev = true;
	if (next && end == next->vm_start &&
	    can_vma_merge_before(next, vm_flags, anon_vma, file, pgoff + pglen))
		merge_next = true;

	if (merge_prev && merge_next &&
	    is_mergeable_anon_vma(prev->anon_vma_id, next->anon_vma_id)) {	/* cases 1, 6 */
		prev->vm_end = next->vm_end;
		if (area)
			vma_import_anon(prev, area);
		vma_import_anon(prev, next);
		if (vma_store(mm, prev))
			return NULL;
		if (area)
			vma_merge_remove(mm, area);
		vma_merge_remove(mm, next);
		return prev;
	}
	if (merge_prev) {					/* cases 2, 5, 7 */
		prev->vm_end = end;
		if (area)
			vma_import_anon(prev, area);
		if (area && area->vm_end != end) {		/* case 5: area keeps its tail */
			area->vm_pgoff += (end - area->vm_start) >> PAGE_SHIFT;
			area->vm_start = end;
			if (vma_store(mm, area))
				return NULL;
		}
		if (vma_store(mm, prev))
			return NULL;
		if (area && area->vm_end == end)		/* case 7 */
			vma_merge_remove(mm, area);
		return prev;
	}
	if (merge_next) {					/* cases 3, 4, 8 */
		if (prev && addr < prev->vm_end) {		/* case 4: prev gives up its tail */
			prev->vm_end = addr;
			vma_import_anon(next, prev);
		} else if (area) {
			vma_import_anon(next, area);
		}
		next->vm_start = addr;
		next->vm_pgoff -= pglen;
		if (vma_store(mm, next))
			return NULL;
		if (area && !(prev && addr < prev->vm_end))	/* case 8 */
			vma_merge_remove(mm, area);
		return next;
	}
	return NULL;
}

/*
 * [start, end) is free again: if that touches [free_area_cache, mmap_base),
 * the next top-down search starts at mmap_base (see unmapped_area_topdown_cached).
 */
static void free_area_cache_unmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (end > mm->free_area_cache && start < mm->mmap_base) {
		mm->free_area_cache = mm->mmap_base;
		mm->cached_hole_size = 0;
	}
}

/* ---- Unmapping: do_mas_align_munmap (the notes' do_brk_munmap section) ---- */

/* Put @vma into the detached tree (Linux munmap_sidetree). 0 or -ENOMEM. */
static int munmap_sidetree(struct vm_area_struct *vma, struct ma_state *mas_detach)
{
	trace_munmap_sidetree(vma);
	mas_set_range(mas_detach, vma->vm_start, vma->vm_end - 1);
	return mas_store_gfp(mas_detach, vma, GFP_KERNEL);
}

/*
 * Unmap the pages of the VMAs in @mt from @vma on, within [start, end),
 * then free the page tables between @prev and @next (Linux unmap_region).
 */
static void unmap_region(struct mm_struct *mm, struct maple_tree *mt,
			 struct vm_area_struct *vma, struct vm_area_struct *prev,
			 struct vm_area_struct *next, unsigned long start,
			 unsigned long end)
{
	trace_unmap_region(start, end);
	/* not in Linux 6.1: the top-down search's cache (unmapped_area_topdown_cached) */
	free_area_cache_unmap(mm, start, end);
	update_hiwater_rss(mm);
	/* notes: 1. unmap_vmas() returns the pages to the buddy allocator */
	unmap_vmas(mt, vma, start, end);
	/* notes: 2. free_pgtables() returns the page tables to the buddy allocator */
	trace_free_pgtables(vma, prev ? prev->vm_end : FIRST_USER_ADDRESS,
			    next ? next->vm_start : USER_PGTABLES_CEILING);
	free_pgtables(mt, vma, prev ? prev->vm_end : FIRST_USER_ADDRESS,
		      next ? next->vm_start : USER_PGTABLES_CEILING);
}

/* Account and free every VMA of the detached tree from mas->index on (Linux remove_mt). */
static void remove_mt(struct mm_struct *mm, struct ma_state *mas)
{
	struct vm_area_struct *vma;

	update_hiwater_vm(mm);
	mas_for_each(mas, vma, ULONG_MAX) {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		remove_vma(vma);
	}
}

/**
 * do_mas_align_munmap - unmap [start, end) (page-aligned), @vma the first VMA in it
 * @mas: a state of mm->mm_mt positioned at @vma
 *
 * The notes' do_brk_munmap() section, step by step. Returns 0 or -ENOMEM
 * (then nothing is unmapped, though a VMA may have been split).
 */
int do_mas_align_munmap(struct ma_state *mas, struct vm_area_struct *vma,
			struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	/* BEGIN SOLUTION brk */
	struct vm_area_struct *prev, *next = NULL;
	struct maple_tree mt_detach;
	int count = 0, error;
	MA_STATE(mas_detach, &mt_detach, 0, 0);

	mt_init_flags(&mt_detach, mas->tree->ma_flags & MT_FLAGS_LOCK_MASK);

	/* notes: if start > vma->vm_start, __split_vma() splits it at start ... */
	if (start > vma->vm_start) {
		/* a split in the middle adds a VMA: respect the limit (Linux) */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		error = __split_vma(mm, vma, start, 0);
		if (error)
			return error;
		/* notes: ... and vma becomes the VMA for [start, vma->vm_end) */
		mas_set(mas, start);
		vma = mas_walk(mas);
	}

	prev = mas_prev(mas, 0);
	if (!prev)
		mas_set(mas, start);

	/* notes: mas_for_each() walks every VMA in [start, end] and adds each one to mas_detach */
	mas_for_each(mas, next, end - 1) {
		if (next->vm_end > end) {
			struct vm_area_struct *split;

			/* notes: if the last VMA's vm_end is greater than end, __split_vma() splits it at end */
			error = __split_vma(mm, next, end, 1);
			if (error)
				goto abort;
			mas_set(mas, end);
			split = mas_prev(mas, 0);
			/* notes: the new VMA [vma->vm_start, end) is added to mas_detach */
			error = munmap_sidetree(split, &mas_detach);
			if (error)
				goto abort;
			count++;
			if (vma == next)
				vma = split;
			break;
		}
		error = munmap_sidetree(next, &mas_detach);
		if (error)
			goto abort;
		count++;
	}

	if (!next)
		next = mas_next(mas, ULONG_MAX);

	/* reserve the nodes now, after the splits, so the store below cannot fail */
	mas_set_range(mas, start, end - 1);
	error = mas_preallocate(mas, NULL, GFP_KERNEL);
	if (error)
		goto abort;
	/* notes: mas_set_range(mas, start, end - 1) and mas_store_prealloc(mas, NULL) */
	trace_vma_mas_szero(mas->tree, start, end - 1);
	mas_store_prealloc(mas, NULL);
	mm->map_count -= count;

	/* notes: finally the real unmapping happens (unmap_region: unmap_vmas, free_pgtables) */
	unmap_region(mm, &mt_detach, vma, prev, next, start, end);
	/* notes: 3. remove_mt() frees the VMA structures back to the slab allocator */
	mas_set(&mas_detach, start);
	remove_mt(mm, &mas_detach);
	/* notes: 4. __mt_destroy() frees the detached tree's nodes */
	__mt_destroy(&mt_detach);
	return 0;

abort:
	/* the VMAs are still in mm->mm_mt: only the side tree's nodes go */
	__mt_destroy(&mt_detach);
	return error;
	/* END SOLUTION brk */
	/* STUB brk: the notes' steps: split the first VMA at @start (__split_vma),
	 * move every VMA of [start, end) into a detached tree (munmap_sidetree), splitting the
	 * last at @end, take the range out of mm->mm_mt (mas_preallocate + mas_store_prealloc),
	 * then unmap_region(), remove_mt() and __mt_destroy(). Until then nothing is unmapped.
	(void)munmap_sidetree;
	(void)unmap_region;
	(void)remove_mt;
	return -ENOMEM;
	 */
}

/**
 * do_mas_munmap - munmap(start, len) on @mm
 *
 * Linux's checks: @start page-aligned and [start, start + len) in user
 * space, else -EINVAL; a zero length is -EINVAL. Unmapping nothing is fine.
 * Returns 0, -EINVAL, or -ENOMEM from do_mas_align_munmap.
 */
int do_mas_munmap(struct ma_state *mas, struct mm_struct *mm,
		  unsigned long start, size_t len)
{
	struct vm_area_struct *vma;
	unsigned long end;

	if (offset_in_page(start) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end == start)
		return -EINVAL;
	/* the first VMA overlapping the range */
	mas_set(mas, start);
	vma = mas_find(mas, end - 1);
	if (!vma)
		return 0;
	return do_mas_align_munmap(mas, vma, mm, start, end);
}

/* do_mas_munmap with a fresh tree state (Linux do_munmap). */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	MA_STATE(mas, &mm->mm_mt, start, start);

	return do_mas_munmap(&mas, mm, start, len);
}

/* munmap(2) on the current process: 0 or -errno as do_mas_munmap (Linux __vm_munmap). */
SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return do_munmap(current->mm, addr, len);
}

/* ---- brk ---- */

/* Could [addr, addr + len) be mapped at all? (Linux check_brk_limits) */
static int check_brk_limits(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long mapped_addr = get_unmapped_area(mm, NULL, addr, len, 0, MAP_FIXED);

	return IS_ERR_VALUE(mapped_addr) ? (int)mapped_addr : 0;
}

/*
 * notes: do_brk_munmap() -> do_mas_align_munmap(..., vma, start, end, ...)
 * Unmap [newbrk, oldbrk) of the heap VMA @vma. 0 or -ENOMEM.
 */
static int do_brk_munmap(struct ma_state *mas, struct vm_area_struct *vma,
			 unsigned long newbrk, unsigned long oldbrk)
{
	/* BEGIN SOLUTION brk */
	return do_mas_align_munmap(mas, vma, vma->vm_mm, newbrk, oldbrk);
	/* END SOLUTION brk */
	/* STUB brk: unmap [newbrk, oldbrk) of the heap VMA @vma: the notes' call.
	return -ENOMEM;
	 */
}

/**
 * do_brk_flags - the notes' do_brk_flags(): grow the heap to addr + len
 * @mas: a state of the mm's tree
 * @vma: the VMA below @addr, or NULL (the first brk); it is extended only
 *	if it ends at @addr and can merge with the new range
 * @addr: the page-aligned old break; @len: page-aligned growth
 * @flags: VM_EXEC or 0, added to the data flags
 *
 * Returns 0 or -ENOMEM. Nothing is mapped: pages come by demand faults.
 */
static int do_brk_flags(struct ma_state *mas, struct vm_area_struct *vma,
			unsigned long addr, unsigned long len, unsigned long flags)
{
	/* BEGIN SOLUTION brk */
	struct mm_struct *mm = mas_mm(mas);

	flags |= VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;
	if (!may_expand_vm(mm, flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (vm_enough_memory(mm, len >> PAGE_SHIFT))
		return -ENOMEM;

	/* notes: is this the first time the break is set? If not, the existing VMA is expanded */
	if (vma && vma->vm_end == addr &&
	    can_vma_merge_after(vma, flags, 0, NULL, addr >> PAGE_SHIFT)) {
		/* notes: mas_set_range() to [vma->vm_start, new break - 1] */
		mas_set_range(mas, vma->vm_start, addr + len - 1);
		/* notes: mas_preallocate() reserves the nodes the store may need */
		if (mas_preallocate(mas, vma, GFP_KERNEL))
			return -ENOMEM;
		/* notes: vma->vm_end becomes the new break */
		vma->vm_end = addr + len;
		/* notes: mas_store_prealloc() updates the VMA's range in the tree */
		trace_vma_store(mas->tree, vma);
		mas_store_prealloc(mas, vma);
		goto out;
	}

	/* notes: if it is, vm_area_alloc() gets a new VMA from the slab allocator */
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	/* notes: vma->vm_start, vma->vm_end and the rest are initialised */
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_pgoff = addr >> PAGE_SHIFT;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	/* notes: mas_set_range() to [vma->vm_start, vma->vm_end - 1] */
	mas_set_range(mas, vma->vm_start, addr + len - 1);
	/* notes: mas_store_gfp() stores the new VMA in the tree */
	trace_vma_store(mas->tree, vma);
	if (mas_store_gfp(mas, vma, GFP_KERNEL)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	mm->map_count++;
out:
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	return 0;
	/* END SOLUTION brk */
	/* STUB brk: check the limits (may_expand_vm, sysctl_max_map_count, vm_enough_memory),
	 * then either extend @vma when it ends at @addr and can merge (mas_preallocate +
	 * mas_store_prealloc) or store a new VMA from vm_area_alloc() (mas_store_gfp);
	 * account the pages with vm_stat_account(). Until then the heap never grows.
	(void)mas_mm;
	return -ENOMEM;
	 */
}

/**
 * sys_brk - set the program break (notes: "SYSCALL_DEFINE1(brk")
 * @brk: the new break; 0 (or anything below start_brk) asks for the current one
 *
 * Linux 6.1's raw system call: returns the new break, exactly @brk (the
 * VMA covers PAGE_ALIGN(brk)), or the unchanged old break if the request
 * is refused. Never an errno.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, origbrk;
	struct vm_area_struct *brkvma, *next;
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	trace_brk_enter(mm, brk);
	origbrk = mm->brk;
	if (brk < mm->start_brk)
		goto out;
	/* RLIMIT_DATA (setrlimit) counts the heap and the data segment, not mmap */
	if (check_data_rlimit(rlimit(RLIMIT_DATA), brk, mm->start_brk,
			      mm->end_data, mm->start_data))
		goto out;

	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		/* the VMA already covers the new break: only the byte value moves */
		mm->brk = brk;
		goto success;
	}

	/* BEGIN SOLUTION brk */
	/* notes: the brk() system call has two cases: shrinking and growing the break */
	if (brk <= mm->brk) {
		/* notes: shrinking, mas_set() */
		mas_set(&mas, newbrk);
		/* notes: shrinking, mas_find() finds the VMA that holds the break */
		brkvma = mas_find(&mas, oldbrk);
		if (!brkvma || brkvma->vm_start >= oldbrk)
			goto out;	/* no VMA there: the user unmapped the heap */
		mm->brk = brk;
		/* notes: then do_brk_munmap() unmaps the part of that VMA being given up */
		if (do_brk_munmap(&mas, brkvma, newbrk, oldbrk)) {
			mm->brk = origbrk;
			goto out;
		}
		goto success;
	}

	if (check_brk_limits(mm, oldbrk, newbrk - oldbrk))
		goto out;

	/* notes: growing, mas_set() */
	mas_set(&mas, oldbrk);
	/* notes: growing, mas_find() checks whether the new break would run into the stack_guard_gap */
	next = mas_find(&mas, newbrk - 1 + PAGE_SIZE + stack_guard_gap);
	/* notes: if it would, the call fails and returns */
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		goto out;
	/* notes: otherwise mas_prev() finds the VMA that holds the break */
	brkvma = mas_prev(&mas, mm->start_brk);
	/* notes: and do_brk_flags() does the work of growing it */
	if (do_brk_flags(&mas, brkvma, oldbrk, newbrk - oldbrk, 0) < 0)
		goto out;
	mm->brk = brk;
	/* END SOLUTION brk */
	/* STUB brk: shrinking, find the VMA holding the break (mas_set, mas_find) and
	 * give up [newbrk, oldbrk) with do_brk_munmap(); growing, check the limits
	 * (check_brk_limits, the stack_guard_gap before the next VMA), find the heap VMA
	 * (mas_prev) and grow it with do_brk_flags(). Until then the break never moves.
	(void)brkvma;
	(void)next;
	(void)mas;
	(void)check_brk_limits;
	(void)do_brk_munmap;
	(void)do_brk_flags;
	goto out;
	 */

success:
	trace_brk_exit(mm, origbrk, brk);
	return brk;
out:
	trace_brk_exit(mm, origbrk, origbrk);
	return origbrk;
}

/* Linux vm_brk_flags on @mm: anonymous memory at [addr, addr + PAGE_ALIGN(request)). */
int mm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long request,
		 unsigned long flags)
{
	struct vm_area_struct *vma;
	unsigned long len = PAGE_ALIGN(request);
	MA_STATE(mas, &mm->mm_mt, addr, addr);
	int ret;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	if (flags & ~VM_EXEC)
		return -EINVAL;
	ret = check_brk_limits(mm, addr, len);
	if (ret)
		return ret;
	ret = do_mas_munmap(&mas, mm, addr, len);
	if (ret)
		return ret;
	mas_set(&mas, addr);
	/* the VMA below: do_brk_flags extends it if it ends at @addr and can merge */
	vma = mas_prev(&mas, 0);
	return do_brk_flags(&mas, vma, addr, len, flags);
}

/* mm_brk_flags on current->mm (Linux vm_brk_flags); exec maps the bss with it. */
int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags)
{
	return mm_brk_flags(current->mm, addr, request, flags);
}

/* ---- Finding free space: get_unmapped_area ---- */

/* Linux unmapped_area_topdown: the highest free [addr, addr + length) in [low, high). */
static unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long length,
					   unsigned long low_limit, unsigned long high_limit)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	if (high_limit < low_limit + length)
		return -ENOMEM;
	if (mas_empty_area_rev(&mas, low_limit, high_limit - 1, length))
		return -ENOMEM;
	return mas.last + 1 - length;
}

/* Linux unmapped_area: the lowest free [addr, addr + length) in [low, high). */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long length,
				   unsigned long low_limit, unsigned long high_limit)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	if (high_limit < low_limit + length)
		return -ENOMEM;
	if (mas_empty_area(&mas, low_limit, high_limit - 1, length))
		return -ENOMEM;
	return mas.index;
}

/*
 * [high - length, high) if the free range under @high_limit holds it (and
 * @low_limit allows): then it is the highest window. One walk, no gap search.
 */
static unsigned long unmapped_area_just_below(struct mm_struct *mm, unsigned long length,
					      unsigned long low_limit, unsigned long high_limit)
{
	MA_STATE(mas, &mm->mm_mt, high_limit - 1, high_limit - 1);

	if (high_limit < low_limit + length || mas_walk(&mas) || mas.index > high_limit - length)
		return -ENOMEM;
	return high_limit - length;
}

/*
 * unmapped_area_topdown() below mmap_base, started below mm->free_area_cache
 * when it can be (Linux 2.6 kept this cache, with cached_hole_size from
 * 2.6.13; later kernels dropped it, and 6.1 starts at mmap_base every
 * time). Successive mmaps mostly go just below the last one: there
 * one walk finds the free range, where the search from mmap_base goes down
 * two paths of the tree (first to mmap_base, whose recorded gaps include
 * the free space above it, then to the free range).
 *
 * Kept exact, so the address is the one the search from mmap_base picks:
 * free_area_cache is mmap_base or a mapped address (no free range crosses
 * it), and no free range in [free_area_cache, mmap_base) is longer than
 * cached_hole_size bytes, so a longer request fits nowhere above the cache.
 * A new mapping only shortens free ranges; free_area_cache_unmap() keeps
 * the rule when a range is freed.
 */
static unsigned long unmapped_area_topdown_cached(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = len > mm->cached_hole_size ? mm->free_area_cache : mm->mmap_base;
	unsigned long addr;

	addr = unmapped_area_just_below(mm, len, PAGE_SIZE, top);
	if (IS_ERR_VALUE(addr))
		addr = unmapped_area_topdown(mm, len, PAGE_SIZE, top);
	if (IS_ERR_VALUE(addr))
		return addr;
	/*
	 * The window is the top of its free range, so addr + len is mapped or
	 * is mmap_base; each free range between it and top is shorter than len,
	 * and above top none is longer than cached_hole_size (< len).
	 */
	mm->free_area_cache = addr + len;
	mm->cached_hole_size = len - 1;
	return addr;
}

/* Is a hint usable at all? (x86 mmap_address_hint_valid) */
static bool mmap_address_hint_valid(unsigned long addr, unsigned long len)
{
	return TASK_SIZE - len >= addr;
}

/*
 * x86's arch_get_unmapped_area_topdown: MAP_FIXED takes @addr as it is;
 * a hint is taken if [hint, hint + len) is free (stack gap included);
 * otherwise the highest gap below mmap_base, then the lowest above
 * TASK_UNMAPPED_BASE.
 */
static unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm, unsigned long addr,
						    unsigned long len, unsigned long flags)
{
	struct vm_area_struct *vma;

	if (len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr &= PAGE_MASK;
		if (mmap_address_hint_valid(addr, len)) {
			vma = find_vma(mm, addr);
			if (!vma || addr + len <= vm_start_gap(vma))
				return addr;
		}
	}
	addr = unmapped_area_topdown_cached(mm, len);
	if (!IS_ERR_VALUE(addr))
		return addr;
	return unmapped_area(mm, len, TASK_UNMAPPED_BASE, TASK_SIZE);
}

/**
 * get_unmapped_area - where a mapping of @len bytes goes
 * @addr: the hint, or the exact address with MAP_FIXED
 *
 * Returns a page-aligned address, or -ENOMEM (no room, or past TASK_SIZE),
 * -EINVAL (unaligned MAP_FIXED address), -EPERM (below mmap_min_addr).
 */
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	if (len > TASK_SIZE)
		return -ENOMEM;
	addr = arch_get_unmapped_area_topdown(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	/* security_mmap_addr: every process here is unprivileged (no CAP_SYS_RAWIO) */
	if (addr < mmap_min_addr)
		return -EPERM;
	return addr;
}

/* ---- mmap ---- */

/* Private writable memory is charged (Linux accountable_mapping). */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/* Pages of [addr, end) already mapped (Linux count_vma_pages_range). */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long addr,
					   unsigned long end)
{
	unsigned long nr_pages = 0, index = addr;
	struct vm_area_struct *vma;

	mt_for_each(&mm->mm_mt, vma, index, end - 1)
		nr_pages += (min(end, vma->vm_end) - max(addr, vma->vm_start)) >> PAGE_SHIFT;
	return nr_pages;
}

/* Grow @vma to [start, end), swallowing @next if it ends at @end (Linux vma_expand). */
static int vma_expand(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end, unsigned long pgoff,
		      struct vm_area_struct *next)
{
	bool remove_next = next && next != vma && end == next->vm_end;

	trace_vma_expand(vma, start, end);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (remove_next)
		vma_import_anon(vma, next);
	if (vma_store(mm, vma))
		return -ENOMEM;
	if (remove_next)
		vma_merge_remove(mm, next);
	return 0;
}

/*
 * Linux 6.1 mmap_region: replace whatever is in [addr, addr + len), then
 * extend a neighbour with the same properties or add a new VMA.
 *
 * One maple state serves the whole call, as in Linux: the walk that looks
 * for a mapping in the range finds the next VMA, mas_prev() steps back
 * to the previous one, and the store of a new VMA starts from the leaf
 * they left the state on (the gap between them is usually in it).
 */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file,
				 unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	unsigned long end = addr + len, pglen = len >> PAGE_SHIFT;
	unsigned long merge_start = addr, merge_end = end, vm_pgoff = 0;
	struct vm_area_struct *vma = NULL, *prev, *next;
	MA_STATE(mas, &mm->mm_mt, addr, addr);

	if (!may_expand_vm(mm, vm_flags, pglen) &&
	    !may_expand_vm(mm, vm_flags, pglen - count_vma_pages_range(mm, addr, end)))
		return -ENOMEM;
	next = mas_find(&mas, ULONG_MAX);
	if (next && next->vm_start < end) {
		/* MAP_FIXED over existing mappings: the same path as munmap */
		if (do_mas_munmap(&mas, mm, addr, len))
			return -ENOMEM;
		next = mas_next(&mas, ULONG_MAX);
	}
	if (accountable_mapping(vm_flags)) {
		if (vm_enough_memory(mm, pglen))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}

	prev = mas_prev(&mas, 0);
	if (next && next->vm_start == end &&
	    can_vma_merge_before(next, vm_flags, 0, file, pgoff + pglen)) {
		merge_end = next->vm_end;
		vma = next;
		vm_pgoff = next->vm_pgoff - pglen;
	}
	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, vma ? vma->anon_vma_id : 0, file, pgoff)) {
		merge_start = prev->vm_start;
		vma = prev;
		vm_pgoff = prev->vm_pgoff;
	}
	if (vma && !vma_expand(mm, vma, merge_start, merge_end, vm_pgoff, next))
		goto expanded;

	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	/* the tree has not changed since mas_prev(): the store starts at its leaf */
	mas.index = addr;
	mas.last = end - 1;
	trace_vma_store(&mm->mm_mt, vma);
	if (mas_store_gfp(&mas, vma, GFP_KERNEL)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	if (file) {
		get_file(file);
		vma->vm_file = file;
	}
	mm->map_count++;
expanded:
	vm_stat_account(mm, vm_flags, pglen);
	return addr;
}

/* Linux calc_vm_prot_bits + calc_vm_flag_bits. */
static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = 0;

	if (prot & PROT_READ)
		vm_flags |= VM_READ;
	if (prot & PROT_WRITE)
		vm_flags |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm_flags |= VM_EXEC;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (flags & MAP_LOCKED)
		vm_flags |= VM_LOCKED;
	return vm_flags;
}

/* A hint below mmap_min_addr moves up to it (Linux round_hint_to_min). */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < mmap_min_addr)
		return PAGE_ALIGN(mmap_min_addr);
	return hint;
}

/**
 * do_mmap - map private memory (Linux do_mmap, MAP_PRIVATE only)
 * @file: NULL for anonymous memory; otherwise the VMA is named after it in
 *	/proc/PID/maps and the caller copies the contents in (ELF segments)
 * @pgoff: the file offset in pages (ignored for anonymous memory)
 *
 * Returns the address, or -errno as an unsigned long: -EINVAL (zero
 * length, bad MAP_ type, unaligned MAP_FIXED), -ENOMEM, -EEXIST
 * (MAP_FIXED_NOREPLACE over a mapping), -EPERM (below mmap_min_addr).
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	unsigned long vm_flags;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	/* no shared memory in this kernel: MAP_SHARED would need pages shared across fork */
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		return -EINVAL;

	addr = get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_flags(prot, flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (!file)
		pgoff = addr >> PAGE_SHIFT;
	return mmap_region(mm, file, addr, len, vm_flags, pgoff);
}

/* Linux ksys_mmap_pgoff: anonymous memory only; a file descriptor is checked, then refused. */
static unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
				     unsigned long prot, unsigned long flags,
				     unsigned long fd, unsigned long pgoff)
{
	if (!(flags & MAP_ANONYMOUS)) {
		if (fd >= NR_OPEN_DEFAULT || !current->files[fd])
			return -EBADF;
		return -ENODEV;		/* no file system here implements mmap */
	}
	return do_mmap(current->mm, NULL, addr, len, prot, flags, pgoff);
}

/* mmap(2): @off must be page-aligned (Linux's x86 sys_mmap); the rest is ksys_mmap_pgoff. */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (offset_in_page(off))
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

/* ---- mprotect ---- */

/**
 * vma_modify_flags - make [start, end) of @vma one VMA that may take @newflags
 * @pprev: the VMA before @start (or @vma itself when @start is inside it)
 *
 * A neighbour that then matches grows over the range (vma_merge), else the
 * range is split off @vma at @start and @end. The step mprotect_fixup and
 * madvise_update_vma share (Linux 6.1 writes it out in both; 6.7 names it
 * vma_modify_flags). The caller sets the flags. Returns the VMA, also left
 * in *@pprev, or ERR_PTR(-ENOMEM).
 */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct **pprev,
					struct vm_area_struct *vma, unsigned long start,
					unsigned long end, unsigned long newflags)
{
	unsigned long pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	int error;

	*pprev = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma_id,
			   vma->vm_file, pgoff);
	if (*pprev)
		return *pprev;
	*pprev = vma;
	if (start != vma->vm_start) {
		error = split_vma(mm, vma, start, 1);
		if (error)
			return ERR_PTR(error);
	}
	if (end != vma->vm_end) {
		error = split_vma(mm, vma, end, 0);
		if (error)
			return ERR_PTR(error);
	}
	return vma;
}

/*
 * Give [start, end) of @vma the flags @newflags: merge with a neighbour
 * if that makes them equal, else split off the range (Linux mprotect_fixup).
 * *@pprev becomes the VMA now holding the range.
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct **pprev, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	unsigned long oldflags = vma->vm_flags;
	long nrpages = (end - start) >> PAGE_SHIFT;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	/* private memory made writable for the first time is charged from now on */
	if ((newflags & VM_WRITE) &&
	    !(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
		if (vm_enough_memory(mm, nrpages))
			return -ENOMEM;
		newflags |= VM_ACCOUNT;
	}

	vma = vma_modify_flags(mm, pprev, vma, start, end, newflags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	change_protection(vma, start, end, vma->vm_page_prot);
	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	return 0;
}

/**
 * do_mprotect - mprotect(start, len, prot) on @mm (Linux do_mprotect_pkey)
 *
 * Returns 0; -EINVAL for an unaligned @start or unknown @prot bits;
 * -ENOMEM if part of the range is unmapped (the part before the hole is
 * changed, as in Linux); -EACCES if a VMA may not get the protection.
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, nstart, tmp, newflags;
	struct vm_area_struct *vma, *prev;
	int error;
	MA_STATE(mas, &mm->mm_mt, start, start);

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP) || (grows & PROT_GROWSUP))
		return -EINVAL;	/* x86 has no VM_GROWSUP */
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	vma = mas_find(&mas, ULONG_MAX);
	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else if (vma->vm_start > start) {
		return -ENOMEM;
	}
	if (start > vma->vm_start)
		prev = vma;
	else
		prev = mas_prev(&mas, 0);

	for (nstart = start;;) {
		newflags = calc_vm_flags(prot, 0) |
			   (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));
		/* VM_MAY* (4 bits up) must allow each of READ, WRITE, EXEC asked for */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			return -EACCES;
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(mm, vma, &prev, nstart, tmp, newflags);
		if (error)
			return error;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			return 0;
		vma = find_vma(mm, prev->vm_end);
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

/* mprotect(2) on the current process (see do_mprotect). */
SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect(current->mm, start, len, prot);
}

/* ---- The stack ---- */

/* May the stack @vma grow to @size bytes by @grow pages? (Linux acct_stack_growth) */
static int acct_stack_growth(struct vm_area_struct *vma, unsigned long size,
			     unsigned long grow)
{
	if (!may_expand_vm(vma->vm_mm, vma->vm_flags, grow))
		return -ENOMEM;
	if (size > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	return vm_enough_memory(vma->vm_mm, grow);
}

/*
 * Linux expand_downwards: move the stack VMA's start down to @address,
 * keeping stack_guard_gap above the mapping below it.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_start);
	struct vm_area_struct *prev;
	unsigned long size, grow;
	int error;

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	address &= PAGE_MASK;
	if (address < mmap_min_addr)
		return -EPERM;
	if (address >= vma->vm_start)
		return 0;
	prev = mas_prev(&mas, 0);
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && (prev->vm_flags & VM_ACCESS_FLAGS) &&
	    address - prev->vm_end < stack_guard_gap)
		return -ENOMEM;

	size = vma->vm_end - address;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	if (grow > vma->vm_pgoff)
		return -ENOMEM;
	error = acct_stack_growth(vma, size, grow);
	if (error)
		return error;
	mas_set_range(&mas, address, vma->vm_end - 1);
	if (mas_preallocate(&mas, vma, GFP_KERNEL))
		return -ENOMEM;
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	trace_vma_store(&mm->mm_mt, vma);
	mas_store_prealloc(&mas, vma);
	vm_stat_account(mm, vma->vm_flags, grow);
	return 0;
}

/* ---- Address spaces ---- */

/*
 * x86 mmap_base() without randomisation: the gap below TASK_SIZE is the
 * stack rlimit plus stack_guard_gap, at least 128 MiB and at most 5/6 of
 * the address space, so mmap_base = TASK_SIZE - 128 MiB = 0x7ffff7fff000
 * for the default 8 MiB, and 0x155555556000 for an unlimited stack.
 */
static unsigned long mmap_base(void)
{
	unsigned long gap = rlimit(RLIMIT_STACK);
	unsigned long gap_min = 128UL << 20, gap_max = TASK_SIZE / 6 * 5;

	/* an unlimited (or nearly) RLIMIT_STACK must not wrap around: it means gap_max */
	if (gap + stack_guard_gap > gap)
		gap += stack_guard_gap;
	if (gap < gap_min)
		gap = gap_min;
	else if (gap > gap_max)
		gap = gap_max;
	return PAGE_ALIGN(TASK_SIZE - gap);
}

/*
 * Make @mm (zeroed or copied, its mmap_base set) a fresh, empty address
 * space with one user (Linux mm_init).
 */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mt_init_flags(&mm->mm_mt, MT_FLAGS_ALLOC_RANGE);
	mm->mm_users = 1;
	mm->map_count = 0;
	memset(mm->rss_stat, 0, sizeof(mm->rss_stat));
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	mm->task_size = TASK_SIZE;
	mm->free_area_cache = mm->mmap_base;
	mm->cached_hole_size = 0;
	return mm;
}

/* A new, empty address space, or NULL without memory (Linux mm_alloc). */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm;

	proc_caches_init();
	mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return NULL;
	/* from RLIMIT_STACK now, as Linux's exec does; a fork keeps its parent's */
	mm->mmap_base = mmap_base();
	return mm_init(mm);
}

/**
 * exit_mmap - tear down every mapping of @mm (Linux exit_mmap)
 *
 * The same steps as munmap over the whole address space: unmap_vmas,
 * free_pgtables from 0 to the top, then every VMA and the tree's nodes.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	MA_STATE(mas, &mm->mm_mt, 0, 0);
	int count = 0;

	trace_exit_mmap(mm);
	vma = mas_find(&mas, ULONG_MAX);
	if (!vma)
		return;
	update_hiwater_rss(mm);
	unmap_vmas(&mm->mm_mt, vma, 0, ULONG_MAX);
	free_pgtables(&mm->mm_mt, vma, FIRST_USER_ADDRESS, USER_PGTABLES_CEILING);
	do {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		remove_vma(vma);
		count++;
	} while ((vma = mas_find(&mas, ULONG_MAX)) != NULL);
	WARN_ON(count != mm->map_count);
	mm->map_count = 0;
	__mt_destroy(&mm->mm_mt);
}

/*
 * Drop one user of @mm; the last one switches away from its page tables
 * and frees the mappings, the tables and the mm (Linux mmput + __mmput).
 */
void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users > 0)
		return;
	leave_mm(mm);
	exit_mmap(mm);
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/*
 * Linux dup_mmap: copy every VMA of @oldmm into @mm's tree, in order, and
 * share the pages under it copy-on-write (copy_page_range write-protects
 * them in both mms); VM_DONTCOPY VMAs stay out, VM_WIPEONFORK ones come
 * without pages. 0 or -ENOMEM (the caller then mmputs @mm).
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	MA_STATE(old_mas, &oldmm->mm_mt, 0, 0);
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	mas_for_each(&old_mas, mpnt, ULONG_MAX) {
		if (mpnt->vm_flags & VM_DONTCOPY)	/* MADV_DONTFORK */
			continue;
		tmp = vm_area_dup(mpnt);
		if (!tmp)
			return -ENOMEM;
		tmp->vm_mm = mm;
		/* the child's pages are its own: a new anon_vma for it (Linux anon_vma_fork) */
		tmp->anon_vma_id = 0;
		if (mpnt->anon_vma_id && !(mpnt->vm_flags & VM_WIPEONFORK))
			anon_vma_prepare(tmp);
		mas_set_range(&mas, tmp->vm_start, tmp->vm_end - 1);
		if (mas_store_gfp(&mas, tmp, GFP_KERNEL)) {
			remove_vma(tmp);
			return -ENOMEM;
		}
		mm->map_count++;
		vm_stat_account(mm, tmp->vm_flags, vma_pages(tmp));
		/* MADV_WIPEONFORK: the child starts with the range empty */
		if (!(tmp->vm_flags & VM_WIPEONFORK) && copy_page_range(tmp, mpnt))
			return -ENOMEM;
	}
	return 0;
}

/*
 * Linux dup_mm (fork): a new mm with @oldmm's layout values (brk,
 * start_stack, ...), its own pgd, and every VMA of @oldmm, the pages
 * shared copy-on-write. NULL without memory.
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));	/* brk, start_stack, mmap_base, ... */
	if (!mm_init(mm))
		return NULL;
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
}
