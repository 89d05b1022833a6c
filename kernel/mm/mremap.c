// SPDX-License-Identifier: MIT
/*
 * mremap: grow, shrink or move a mapping (Linux 6.1 mm/mremap.c, and
 * copy_vma from mm/mmap.c), under Linux's names and in its order:
 *
 *	SYSCALL_DEFINE5(mremap)
 *	  shrinking: do_mas_munmap of the tail
 *	  growing:   vma_to_resize, then vma_expandable + vma_merge in place
 *	  moving:    get_unmapped_area, move_vma
 *	MREMAP_FIXED / MREMAP_DONTUNMAP: mremap_to -> vma_to_resize, move_vma
 *	move_vma: copy_vma (the new VMA), move_page_tables (the ptes, page by
 *	  page: the pages themselves stay where they are), do_munmap (the old
 *	  range, unless MREMAP_DONTUNMAP leaves it mapped and empty)
 *
 * Moving a page is moving its pte: no page is copied, its reference and
 * map counts and the mm's rss do not change. Only private anonymous
 * memory exists here (no VM_PFNMAP, VM_DONTEXPAND or hugetlb VMAs, so
 * Linux's checks for those have nothing to refuse); every process is
 * root, so the RLIMIT_MEMLOCK check of locked VMAs (mlock_future_check)
 * never refuses either.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>

/* ---- Moving page tables ---- */

/* The pmd entry of an existing pte table for @addr, or NULL (Linux get_old_pmd). */
static pmd_t *get_old_pmd(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd))
		return NULL;
	return pmd;
}

/* The pmd entry for @addr, allocating the pud and pmd tables; NULL without memory (Linux alloc_new_pmd). */
static pmd_t *alloc_new_pmd(struct mm_struct *mm, unsigned long addr)
{
	pud_t *pud = pud_alloc(mm, pgd_offset(mm, addr), addr);

	if (!pud)
		return NULL;
	return pmd_alloc(mm, pud, addr);
}

/*
 * Move the ptes of [old_addr, old_end), all under @old_pmd, to the slots
 * from @new_addr under @new_pmd, and flush the old addresses from the TLB
 * (Linux move_ptes). The pages keep their counts: only their address moves.
 */
static void move_ptes(struct vm_area_struct *vma, pmd_t *old_pmd, unsigned long old_addr,
		      unsigned long old_end, struct vm_area_struct *new_vma,
		      pmd_t *new_pmd, unsigned long new_addr)
{
	pte_t *old_pte = pte_offset(old_pmd, old_addr);
	pte_t *new_pte = pte_offset(new_pmd, new_addr);
	unsigned long old_start = old_addr;

	for (; old_addr < old_end; old_pte++, old_addr += PAGE_SIZE, new_pte++) {
		pte_t pte = *old_pte;

		if (pte_none(pte))
			continue;
		pte_clear(old_pte);
		set_pte(new_pte, pte);
	}
	flush_tlb_mm_range(vma->vm_mm, old_start, old_end);
}

/*
 * How much of [old_addr, old_end) to move in one step: up to the next pmd
 * boundary of the old and of the new address, so that one pte table on
 * each side holds the whole step (Linux get_extent for NORMAL_PMD).
 */
static unsigned long get_extent(unsigned long old_addr, unsigned long old_end,
				unsigned long new_addr)
{
	unsigned long extent = ((old_addr + PMD_SIZE) & PMD_MASK) - old_addr;

	if (extent > old_end - old_addr)
		extent = old_end - old_addr;
	if (extent > ((new_addr + PMD_SIZE) & PMD_MASK) - new_addr)
		extent = ((new_addr + PMD_SIZE) & PMD_MASK) - new_addr;
	return extent;
}

/**
 * move_page_tables - move the ptes of @len bytes from @old_addr in @vma to @new_addr in @new_vma
 *
 * Parts without a pte table are skipped (nothing is mapped there). Returns
 * how many bytes were dealt with: @len, or less when a page table for the
 * new address could not be allocated (Linux move_page_tables).
 */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len)
{
	unsigned long extent, old_end = old_addr + len;
	pmd_t *old_pmd, *new_pmd;

	for (; old_addr < old_end; old_addr += extent, new_addr += extent) {
		extent = get_extent(old_addr, old_end, new_addr);
		old_pmd = get_old_pmd(vma->vm_mm, old_addr);
		if (!old_pmd)
			continue;
		new_pmd = alloc_new_pmd(vma->vm_mm, new_addr);
		if (!new_pmd || pte_alloc(new_vma->vm_mm, new_pmd))
			break;
		move_ptes(vma, old_pmd, old_addr, old_addr + extent, new_vma, new_pmd, new_addr);
	}
	return len + old_addr - old_end;
}

/* ---- The new VMA ---- */

/*
 * A VMA for [addr, addr + len) with *@vmap's properties: a neighbour that
 * can merge grows over it, or a copy of *@vmap is added (Linux copy_vma).
 * An anonymous VMA that never had a private page takes the new address as
 * its page offset, which lets it merge there; if that merge swallowed
 * *@vmap itself, *@vmap becomes the merged VMA. NULL without memory.
 */
static struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				       unsigned long len, unsigned long pgoff)
{
	struct vm_area_struct *vma = *vmap, *new_vma, *prev;
	unsigned long vma_start = vma->vm_start;
	struct mm_struct *mm = vma->vm_mm;

	if (!vma->vm_file && !vma->anon_vma_id)
		pgoff = addr >> PAGE_SHIFT;
	new_vma = find_vma_prev(mm, addr, &prev);
	if (new_vma && new_vma->vm_start < addr + len)
		return NULL;	/* the caller made the range free: never here */

	new_vma = vma_merge(mm, prev, addr, addr + len, vma->vm_flags, vma->anon_vma_id,
			    vma->vm_file, pgoff);
	if (new_vma) {
		if (vma_start >= new_vma->vm_start && vma_start < new_vma->vm_end)
			*vmap = new_vma;
		return new_vma;
	}

	new_vma = vm_area_dup(vma);	/* the same anon_vma: its pages move here */
	if (!new_vma)
		return NULL;
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	new_vma->vm_pgoff = pgoff;
	{
		MA_STATE(mas, &mm->mm_mt, addr, addr + len - 1);

		if (mas_store_gfp(&mas, new_vma, GFP_KERNEL)) {
			vm_area_free(new_vma);
			return NULL;
		}
	}
	mm->map_count++;
	return new_vma;
}

/* ---- move_vma ---- */

/**
 * move_vma - move [old_addr, old_addr + old_len) of @vma to a new VMA at @new_addr of @new_len
 *
 * The new range is free. Afterwards the old range is unmapped, or, with
 * MREMAP_DONTUNMAP, still mapped with no pages (the next touch faults in a
 * zero page). Returns @new_addr or -ENOMEM (Linux move_vma).
 */
static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	long to_account = new_len - old_len;
	struct vm_area_struct *new_vma;
	unsigned long new_pgoff, moved_len, hiwater_vm;
	int err = 0;

	/* the unmapping below may split one VMA into three */
	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_DONTUNMAP)
		to_account = new_len;
	if ((vma->vm_flags & VM_ACCOUNT) && vm_enough_memory(mm, to_account >> PAGE_SHIFT))
		return -ENOMEM;

	new_pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	new_vma = copy_vma(&vma, new_addr, new_len, new_pgoff);
	if (!new_vma)
		return -ENOMEM;

	moved_len = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (moved_len < old_len) {
		/* put back what moved (its tables exist), then unmap the new range instead */
		err = -ENOMEM;
		move_page_tables(new_vma, new_addr, vma, old_addr, moved_len);
		vma = new_vma;
		old_len = new_len;
		old_addr = new_addr;
		new_addr = err;
	}

	/*
	 * The new VMA's pages count now; the munmap below takes the old ones
	 * off. total_vm is too high in between: keep VmPeak from seeing it.
	 */
	hiwater_vm = mm->hiwater_vm;
	vm_stat_account(mm, vma->vm_flags, new_len >> PAGE_SHIFT);

	if (!err && (flags & MREMAP_DONTUNMAP)) {
		vma->vm_flags &= ~VM_LOCKED;	/* the old range keeps no locked pages */
		return new_addr;
	}
	do_munmap(mm, old_addr, old_len);
	mm->hiwater_vm = hiwater_vm;
	return new_addr;
}

/* ---- Checks ---- */

/*
 * The VMA holding @addr if [addr, addr + old_len) may become new_len
 * bytes long, else ERR_PTR: -EFAULT (no VMA at @addr, or the range runs
 * past it), -EINVAL (a zero @old_len of a private mapping, or a page
 * offset that would overflow), -ENOMEM (past RLIMIT_AS or RLIMIT_DATA)
 * (Linux vma_to_resize).
 */
static struct vm_area_struct *vma_to_resize(unsigned long addr, unsigned long old_len,
					    unsigned long new_len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	unsigned long pgoff;

	if (!vma)
		return ERR_PTR(-EFAULT);
	/* old_len 0 "duplicates" a shared mapping; for a private one that means nothing */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE))) {
		pr_warn_once("%s (%d): attempted to duplicate a private mapping with mremap.  This is not supported.\n",
			     current->comm, current->pid);
		return ERR_PTR(-EINVAL);
	}
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);	/* mremap never spans VMAs */
	if (new_len == old_len)
		return vma;

	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (!may_expand_vm(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	return vma;
}

/*
 * mremap with MREMAP_FIXED or MREMAP_DONTUNMAP: move to @new_addr (FIXED:
 * whatever is there is unmapped first) or to a free range (Linux mremap_to).
 */
static unsigned long mremap_to(unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len,
			       unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret, map_flags = 0;

	if (offset_in_page(new_addr))
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	/* the old and new ranges must not overlap */
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	/* both ranges may split in three: fail now rather than after unmapping */
	if (mm->map_count + 2 >= sysctl_max_map_count - 3)
		return -ENOMEM;

	if (flags & MREMAP_FIXED) {
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}

	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	/* MREMAP_DONTUNMAP adds old_len (= new_len) pages: the old range stays */
	if ((flags & MREMAP_DONTUNMAP) &&
	    !may_expand_vm(mm, vma->vm_flags, old_len >> PAGE_SHIFT))
		return -ENOMEM;

	if (flags & MREMAP_FIXED)
		map_flags |= MAP_FIXED;
	ret = get_unmapped_area(mm, vma->vm_file, new_addr, new_len,
				vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
				map_flags);
	if (IS_ERR_VALUE(ret))
		return ret;
	if (!(flags & MREMAP_FIXED))
		new_addr = ret;
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* Is [vma->vm_end, vma->vm_end + delta) free for @vma to grow into? (Linux vma_expandable) */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end)
		return false;
	if (find_vma_intersection(vma->vm_mm, vma->vm_end, end))
		return false;
	if (get_unmapped_area(vma->vm_mm, NULL, vma->vm_start, end - vma->vm_start, 0,
			      MAP_FIXED) & ~PAGE_MASK)
		return false;
	return true;
}

/*
 * Grow @vma at its end by [addr + old_len, addr + new_len): vma_merge
 * extends it (and joins the next VMA if they now touch and match).
 * Returns @addr or -ENOMEM.
 */
static unsigned long mremap_expand_in_place(struct vm_area_struct *vma, unsigned long addr,
					    unsigned long old_len, unsigned long new_len)
{
	struct mm_struct *mm = vma->vm_mm;
	long pages = (new_len - old_len) >> PAGE_SHIFT;
	unsigned long extension_start = addr + old_len;
	unsigned long extension_end = addr + new_len;
	unsigned long extension_pgoff = vma->vm_pgoff +
					((extension_start - vma->vm_start) >> PAGE_SHIFT);

	if ((vma->vm_flags & VM_ACCOUNT) && vm_enough_memory(mm, pages))
		return -ENOMEM;
	vma = vma_merge(mm, vma, extension_start, extension_end, vma->vm_flags,
			vma->anon_vma_id, vma->vm_file, extension_pgoff);
	if (!vma)
		return -ENOMEM;
	vm_stat_account(mm, vma->vm_flags, pages);
	return addr;
}

/**
 * sys_mremap - resize and/or move the mapping at @addr (Linux 6.1's SYSCALL_DEFINE5(mremap))
 * @addr: page-aligned start of the part of one VMA to remap
 * @old_len, @new_len: its size now and wanted (rounded up to pages)
 * @flags: MREMAP_MAYMOVE, MREMAP_FIXED (with MAYMOVE: move to @new_addr),
 *	MREMAP_DONTUNMAP (with MAYMOVE and old_len == new_len: move, leave
 *	the old range mapped and empty)
 *
 * Shrinking unmaps the tail; growing extends the VMA in place when the
 * pages after it are free, else moves it if MREMAP_MAYMOVE allows.
 * Returns the (new) address, or -EINVAL (bad flags or alignment, zero
 * new_len, overlapping FIXED ranges), -EFAULT (@addr unmapped, or the
 * range crosses the VMA's end), -ENOMEM (no room to grow without moving,
 * no free range, RLIMIT_AS or RLIMIT_DATA).
 */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* MREMAP_DONTUNMAP always moves, and never resizes */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (offset_in_page(addr))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	if (!vma_lookup(mm, addr))
		return -EFAULT;

	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(addr, old_len, new_addr, new_len, flags);

	/* shrinking always works: it is an munmap of the tail */
	if (old_len >= new_len) {
		MA_STATE(mas, &mm->mm_mt, addr + new_len, addr + new_len);
		int error = do_mas_munmap(&mas, mm, addr + new_len, old_len - new_len);

		if (error < 0 && old_len != new_len)
			return error;
		return addr;
	}

	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	/* the range ends where the VMA does: can it just grow? */
	if (old_len == vma->vm_end - addr && vma_expandable(vma, new_len - old_len))
		return mremap_expand_in_place(vma, addr, old_len, new_len);

	/* it cannot grow where it is: a new place, if it may move */
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, vma->vm_file, 0, new_len,
				     vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT), 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}
