/* SPDX-License-Identifier: MIT */
/*
 * The process address space: mmap/munmap/mprotect/brk flags with Linux's
 * values (include/uapi/linux/mman.h, asm-generic/mman-common.h) and the kernel
 * API of kernel/mm/mmap.c (VMAs, the maple tree, brk, mmap),
 * kernel/mm/memory.c (user page tables, faults) and kernel/mm/fault.c.
 *
 * Where Linux's function reads current->mm, the function here takes the
 * mm as its first argument (so the KUnit suite can drive a test mm); the
 * system calls pass current->mm. Everything else keeps Linux 6.1's
 * names, arguments and return conventions.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/maple_tree.h>
#include <linux/resource.h>

/* PROT_*, MAP_*, MADV_* and MREMAP_*: the user-API header of the same name. */
#include <uapi/linux/mman.h>

#define MAP_ANON		MAP_ANONYMOUS
#define MAP_FAILED		((void *)-1)

/* handle_mm_fault() flags (Linux's enum fault_flag values). */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x40
#define FAULT_FLAG_INSTRUCTION	0x100

/* handle_mm_fault() results (Linux's vm_fault_t bits). */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGSEGV	0x000040

/* Tunables, with Linux's defaults. */
extern int sysctl_max_map_count;		/* 65530 VMAs per mm */
extern unsigned long stack_guard_gap;		/* 256 pages */
extern unsigned long mmap_min_addr;		/* 65536 */
/* Page-table pages (pud, pmd and pte tables) of all user address spaces (/proc/meminfo PageTables). */
extern unsigned long nr_page_table_pages;

/* The slab caches of mm_structs and VMAs (made by proc_caches_init, or the first mm_alloc). */
extern struct kmem_cache *mm_cachep, *vm_area_cachep;
void proc_caches_init(void);

/* The offset of @p inside its page (Linux offset_in_page). */
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

/* Linux's pgd_offset(mm, address): the top-level entry for @address. */
#define pgd_offset(mm, address)	pgd_offset_pgd((mm)->pgd, (address))

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* The lowest address the VMA reserves, its stack guard gap included (Linux vm_start_gap). */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long vm_start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		vm_start -= stack_guard_gap;
		if (vm_start > vma->vm_start)
			vm_start = 0;
	}
	return vm_start;
}

/* Resident pages of @member (MM_ANONPAGES, MM_FILEPAGES) and in total. */
static inline unsigned long get_mm_counter(const struct mm_struct *mm, int member)
{
	return mm->rss_stat[member];
}

static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES];
}

/* VmHWM and VmPeak as /proc/PID/status shows them (Linux get_mm_hiwater_*). */
static inline unsigned long get_mm_hiwater_rss(const struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	return mm->hiwater_rss > rss ? mm->hiwater_rss : rss;
}

static inline unsigned long get_mm_hiwater_vm(const struct mm_struct *mm)
{
	return mm->hiwater_vm > mm->total_vm ? mm->hiwater_vm : mm->total_vm;
}

/* One more task uses @mm (fork with CLONE_VM, /proc readers); dropped with mmput(). */
static inline void mmget(struct mm_struct *mm)
{
	mm->mm_users++;
}

/* ---- kernel/mm/mmap.c ---- */

/* A new, empty address space (mm_users 1, its own pgd, no VMAs); NULL without memory. */
struct mm_struct *mm_alloc(void);
/* Drop a user of @mm; the last one tears everything down (exit_mmap) and frees it. */
void mmput(struct mm_struct *mm);
/* Fork: a copy of @oldmm with every VMA, its pages shared copy-on-write; NULL on failure. */
struct mm_struct *dup_mm(struct mm_struct *oldmm);
/* Unmap every VMA, free the page tables and VMAs (the last user has gone). */
void exit_mmap(struct mm_struct *mm);

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);

/* The first VMA with vm_end > @addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* The first VMA intersecting [start_addr, end_addr), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr);
/* The VMA containing @addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
/* find_vma(), and the VMA before it in *@pprev. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);

/* PTE protection bits for VM_* flags (Linux's protection_map, x86). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
/* Add @npages (may be negative) to total_vm and the matching exec/stack/data counter. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
/* Record the resident pages as VmHWM if they are a new peak (before pages are unmapped). */
void update_hiwater_rss(struct mm_struct *mm);
/* May @mm grow by @npages pages with @flags within RLIMIT_AS and RLIMIT_DATA? */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);
/* The overcommit heuristic: 0, or -ENOMEM for more pages than RAM in one request. */
int vm_enough_memory(struct mm_struct *mm, unsigned long pages);

int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
/* [start, end) of @vma as one VMA that may take @newflags: merged or split off; or ERR_PTR. */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct **pprev,
					struct vm_area_struct *vma, unsigned long start,
					unsigned long end, unsigned long newflags);
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, unsigned long anon_vma_id,
				 struct file *file, unsigned long pgoff);

/* Grow the VM_GROWSDOWN @vma down to cover @address: 0 or -ENOMEM/-EPERM. */
int expand_stack(struct vm_area_struct *vma, unsigned long address);

/* Where get_unmapped_area looks bottom-up when nothing fits below mmap_base. */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)

unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
/* Map [addr, addr + len) as Linux's do_mmap (anonymous memory; @file only names the VMA). */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int do_mas_align_munmap(struct ma_state *mas, struct vm_area_struct *vma,
			struct mm_struct *mm, unsigned long start,
			unsigned long end);
int do_mas_munmap(struct ma_state *mas, struct mm_struct *mm,
		  unsigned long start, size_t len);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot);
/* Anonymous rw memory at [addr, addr + PAGE_ALIGN(len)) (ELF .bss); Linux vm_brk_flags on @mm. */
int mm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags);
/* The same for current->mm (Linux's vm_brk_flags). */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);

long sys_brk(unsigned long brk);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* ---- kernel/mm/mremap.c, madvise.c, mincore.c ---- */

/* Move the ptes of [old_addr, old_addr + len) of @vma to @new_addr in @new_vma; bytes moved. */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
/* madvise(start, len, behavior) on @mm: 0 or -errno (Linux do_madvise). */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior);
long sys_madvise(unsigned long start, size_t len_in, int behavior);
long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec);

/* ---- kernel/mm/memory.c ---- */

/* A new top-level table: user half empty, kernel half shared with swapper_pg_dir. */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
pud_t *pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address);
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address);
/* Give *@pmd a pte table if it has none: 0, or -ENOMEM. */
int pte_alloc(struct mm_struct *mm, pmd_t *pmd);
/* The pte mapping @address in @mm, or -EINVAL if no table covers it. */
int follow_pte(struct mm_struct *mm, unsigned long address, pte_t **ptepp);

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);
/* Unmap the pages of [start, start + size) in @vma: the next touch faults (MADV_DONTNEED). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
/* Unmap [start_addr, end_addr) of @vma and the VMAs after it in @mt; pages go back to buddy. */
void unmap_vmas(struct maple_tree *mt, struct vm_area_struct *vma,
		unsigned long start_addr, unsigned long end_addr);
/* Free the page tables under @vma and the VMAs after it in @mt, within [floor, ceiling). */
void free_pgtables(struct maple_tree *mt, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling);
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling);
/* Fork: map in @dst_vma every page @src_vma maps, copy-on-write in both. 0 or -ENOMEM. */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);
/* Set the PTEs of [start, end) in @vma to @newprot (mprotect). */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot);
/* Switch CR3 to swapper_pg_dir if it holds @mm (before @mm's tables are freed). */
void leave_mm(struct mm_struct *mm);
/* Drop the TLB entries of [start, end) if @mm is the address space in CR3. */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/* Give @vma its anon_vma identity if it has none (at its first private page, or fork). */
void anon_vma_prepare(struct vm_area_struct *vma);

/* The shared zero page read faults map (Linux ZERO_PAGE). */
extern u8 empty_zero_page[];

#endif
