// SPDX-License-Identifier: MIT
/*
 * User page tables and anonymous page faults (Linux mm/memory.c,
 * mm/pagewalk.c and arch/x86/mm/pgtable.c, tlb.c).
 *
 * Every address space has its own pgd (PML4). Its upper half (entries
 * 256..511) is copied from swapper_pg_dir, so the kernel is mapped in every
 * process; the lower half starts empty and pud, pmd and pte tables are
 * allocated on demand from the buddy allocator (marked PG_pgtable, counted
 * in nr_page_table_pages: /proc/meminfo's PageTables).
 *
 * Pages arrive by demand faults only: handle_mm_fault -> do_anonymous_page
 * maps the shared zero page for a read and a private zeroed page for a
 * write; a later write to the zero page gets a private page (do_wp_page).
 * unmap_vmas gives pages back and free_pgtables the tables that map nothing
 * any more (the last two steps of the notes' unmap_region). Fork shares
 * every private page copy-on-write (copy_page_range): the page gets one
 * more reference (_refcount) and mapping (_mapcount) and is read-only in
 * both address spaces; the first write in either copies it, or reuses it
 * when this mm holds the last reference (do_wp_page).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>

unsigned long nr_page_table_pages;

/* Read faults map this page (Linux's empty_zero_page); it is never freed or counted. */
u8 empty_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);

/* pgd entries from here on map the kernel (Linux KERNEL_PGD_BOUNDARY, rounded down to the half). */
#define KERNEL_PGD_BOUNDARY	(PTRS_PER_PGD / 2)

/* Above this many pages a range flush reloads CR3 (Linux tlb_single_page_flush_ceiling). */
#define TLB_SINGLE_PAGE_FLUSH_CEILING	33

/* The page frame of empty_zero_page (Linux my_zero_pfn). */
static unsigned long my_zero_pfn(void)
{
	return __pa(empty_zero_page) >> PAGE_SHIFT;
}

/* Does @pfn map the zero page, which is never counted or freed? (Linux is_zero_pfn) */
static bool is_zero_pfn(unsigned long pfn)
{
	return pfn == my_zero_pfn();
}

/*
 * The end of the pgd (pud, pmd) entry's span holding @addr, or @end if
 * that comes first (Linux pgd_addr_end, pud_addr_end, pmd_addr_end).
 * The "- 1"s make an @end of 0 (the top of the address space) work.
 */
static unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PGDIR_SIZE) & PGDIR_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}

static unsigned long pud_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PUD_SIZE) & PUD_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}

static unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PMD_SIZE) & PMD_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}

/* ---- TLB ---- */

/* Is @mm the address space loaded in CR3 (whose entries the TLB may hold)? Never on the host. */
#ifdef CONFIG_HOST_TEST
static bool mm_is_active(struct mm_struct *mm)
{
	return false;
}
#else
static bool mm_is_active(struct mm_struct *mm)
{
	return (read_cr3() & PTE_PFN_MASK) == __pa(mm->pgd);
}
#endif

/*
 * Load swapper_pg_dir if @mm is in CR3, before its tables are freed (Linux
 * leave_mm switches to init_mm). The kernel half is the same in both.
 */
void leave_mm(struct mm_struct *mm)
{
#ifndef CONFIG_HOST_TEST
	if (mm_is_active(mm))
		write_cr3(__pa(swapper_pg_dir));
#endif
}

/*
 * Without PCIDs a CR3 write drops every non-global entry, so only the
 * loaded address space can have stale TLB entries. Few pages: invlpg
 * each; many: reload CR3 (Linux flush_tlb_mm_range).
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (!mm_is_active(mm) || start >= end)
		return;
	if ((end - start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
#ifndef CONFIG_HOST_TEST
		write_cr3(read_cr3());
#endif
		return;
	}
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one(addr);
}

/* ---- Page-table pages ---- */

/* A zeroed page-table page from the buddy allocator, or NULL. */
static void *pgtable_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	__SetPageTable(page);
	nr_page_table_pages++;
	return page_address(page);
}

/* Give a page-table page from pgtable_alloc() back to the buddy allocator. */
static void pgtable_free(void *table)
{
	struct page *page = virt_to_page(table);

	__ClearPageTable(page);
	nr_page_table_pages--;
	__free_page(page);
}

/* Linux pgd_alloc: the user half empty, the kernel half as in swapper_pg_dir. */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

/* Free the pgd page; every user-half table must be gone already (free_pgtables). */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		WARN_ON(!pgd_none(pgd[i]));
	free_page((unsigned long)pgd);
}

/* The pud entry for @address, allocating the pud table if *@pgd has none (Linux pud_alloc). */
pud_t *pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address)
{
	if (pgd_none(*pgd)) {
		void *table = pgtable_alloc();

		if (!table)
			return NULL;
		set_pgd(pgd, __pgd(__pa(table) | _PAGE_TABLE));
	}
	return pud_offset(pgd, address);
}

/* The pmd entry for @address, allocating the pmd table if *@pud has none (Linux pmd_alloc). */
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)
{
	if (pud_none(*pud)) {
		void *table = pgtable_alloc();

		if (!table)
			return NULL;
		set_pud(pud, __pud(__pa(table) | _PAGE_TABLE));
	}
	return pmd_offset(pud, address);
}

/* Give *@pmd a pte table if it has none: 0 or -ENOMEM (Linux pte_alloc). */
int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	if (pmd_none(*pmd)) {
		void *table = pgtable_alloc();

		if (!table)
			return -ENOMEM;
		set_pmd(pmd, __pmd(__pa(table) | _PAGE_TABLE));
	}
	return 0;
}

/* The pte for @address, allocating the tables above it; NULL without memory. */
static pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long address)
{
	pud_t *pud = pud_alloc(mm, pgd_offset(mm, address), address);
	pmd_t *pmd;

	if (!pud)
		return NULL;
	pmd = pmd_alloc(mm, pud, address);
	if (!pmd || pte_alloc(mm, pmd))
		return NULL;
	return pte_offset(pmd, address);
}

/*
 * The pte slot for @address in *@ptepp, without allocating: 0, or -EINVAL
 * if no pte table covers it (Linux follow_pte; the slot may be none).
 */
int follow_pte(struct mm_struct *mm, unsigned long address, pte_t **ptepp)
{
	pgd_t *pgd = pgd_offset(mm, address);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return -EINVAL;
	pud = pud_offset(pgd, address);
	if (pud_none(*pud))
		return -EINVAL;
	pmd = pmd_offset(pud, address);
	if (pmd_none(*pmd))
		return -EINVAL;
	*ptepp = pte_offset(pmd, address);
	return 0;
}

/* ---- Walking the existing tables of a range (Linux mm/pagewalk.c) ---- */

/* Called for every pte slot of an existing pte table in the range; nonzero stops the walk. */
typedef int (*pte_fn_t)(pte_t *pte, unsigned long addr, void *data);

/*
 * walk_page_range, one level at a time: call @fn on the slots of [addr,
 * end) under one pmd (pud, pgd) entry, skipping empty entries. Returns
 * the first nonzero value of @fn, or 0.
 */
static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  pte_fn_t fn, void *data)
{
	pte_t *pte = pte_offset(pmd, addr);
	int err = 0;

	for (; addr != end && !err; pte++, addr += PAGE_SIZE)
		err = fn(pte, addr, data);
	return err;
}

static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  pte_fn_t fn, void *data)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			err = walk_pte_range(pmd, addr, next, fn, data);
	} while (pmd++, addr = next, addr != end && !err);
	return err;
}

static int walk_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  pte_fn_t fn, void *data)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			err = walk_pmd_range(pud, addr, next, fn, data);
	} while (pud++, addr = next, addr != end && !err);
	return err;
}

/* Call @fn on every pte slot of [start, end) that has a pte table (Linux walk_page_range). */
static int walk_page_range(struct mm_struct *mm, unsigned long start,
			   unsigned long end, pte_fn_t fn, void *data)
{
	pgd_t *pgd = pgd_offset(mm, start);
	unsigned long addr = start, next;
	int err = 0;

	if (start >= end)
		return 0;
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			err = walk_pud_range(pgd, addr, next, fn, data);
	} while (pgd++, addr = next, addr != end && !err);
	return err;
}

/* ---- Page faults ---- */

/* What a fault handler needs to know (Linux struct vm_fault). */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned faulting address */
	unsigned int flags;		/* FAULT_FLAG_* */
	pte_t *pte;			/* the pte for address */
};

/* Linux anon_vma_prepare: the VMA gets its anon_vma identity at its first private page. */
void anon_vma_prepare(struct vm_area_struct *vma)
{
	static unsigned long last_anon_vma_id;

	if (!vma->anon_vma_id)
		vma->anon_vma_id = ++last_anon_vma_id;
}

/* A pte mapping @page writably for @vma (Linux mk_pte + maybe_mkwrite + pte_mkdirty). */
static pte_t mk_anon_pte(struct page *page, struct vm_area_struct *vma)
{
	unsigned long val = pte_val(pfn_pte(page_to_pfn(page), vma->vm_page_prot));

	if (vma->vm_flags & VM_WRITE)
		val |= _PAGE_RW | _PAGE_DIRTY;
	return __pte(val);
}

/* A new private page now mapped once (Linux page_add_new_anon_rmap). */
static void page_add_new_anon_rmap(struct page *page, struct mm_struct *mm)
{
	page->_mapcount = 0;
	mm->rss_stat[MM_ANONPAGES]++;
}

/*
 * A private page no longer mapped in @mm (Linux page_remove_rmap, then the
 * put_page of zap_pte_range / wp_page_copy): one mapping and one reference
 * less; the buddy allocator gets the page back with its last reference.
 */
static void page_remove_rmap(struct page *page, struct mm_struct *mm)
{
	page->_mapcount--;
	mm->rss_stat[MM_ANONPAGES]--;
	__free_page(page);
}

/* Nothing mapped yet: the zero page for a read, a zeroed private page for a write. */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	/* BEGIN SOLUTION lazy */
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		/* vm_page_prot of a private mapping never has _PAGE_RW: writes fault again */
		set_pte(vmf->pte, pfn_pte(my_zero_pfn(), vma->vm_page_prot));
		return 0;
	}
	anon_vma_prepare(vma);
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	page_add_new_anon_rmap(page, vma->vm_mm);
	set_pte(vmf->pte, mk_anon_pte(page, vma));
	return 0;
	/* END SOLUTION lazy */
	/* STUB lazy: a read maps the shared zero page (my_zero_pfn) read-only; a write
	 * gets a zeroed page of its own (alloc_page, anon_vma_prepare, page_add_new_anon_rmap,
	 * mk_anon_pte), or VM_FAULT_OOM. Until then every first touch is a segfault.
	return VM_FAULT_SIGSEGV;
	 */
}

/*
 * A write to the zero page or to a page shared with another mm (Linux
 * wp_page_copy): map a private copy, zeroed for the zero page, and drop
 * this mm's mapping and reference of the old page. rss grows by one for
 * the zero page (which is not counted) and is unchanged otherwise.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long old_pfn = pte_pfn(*vmf->pte);
	struct page *page;

	anon_vma_prepare(vma);
	page = alloc_page(GFP_KERNEL | (is_zero_pfn(old_pfn) ? __GFP_ZERO : 0));
	if (!page)
		return VM_FAULT_OOM;
	if (!is_zero_pfn(old_pfn)) {
		memcpy(page_address(page), page_address(pfn_to_page(old_pfn)), PAGE_SIZE);
		page_remove_rmap(pfn_to_page(old_pfn), vma->vm_mm);
	}
	page_add_new_anon_rmap(page, vma->vm_mm);
	set_pte(vmf->pte, mk_anon_pte(page, vma));
	flush_tlb_mm_range(vma->vm_mm, vmf->address, vmf->address + PAGE_SIZE);
	return 0;
}

/* The faulting page is this mm's alone: just make its pte writable (Linux wp_page_reuse). */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf)
{
	set_pte(vmf->pte, __pte(pte_val(*vmf->pte) | _PAGE_RW | _PAGE_DIRTY));
	flush_tlb_mm_range(vmf->vma->vm_mm, vmf->address, vmf->address + PAGE_SIZE);
	return 0;
}

/*
 * A write to a present read-only pte of a writable VMA (Linux do_wp_page):
 * the zero page or a page still shared since fork (_refcount > 1) is
 * copied; a page whose other holders have all let go is reused.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	/* BEGIN SOLUTION cow */
	unsigned long pfn = pte_pfn(*vmf->pte);

	if (!is_zero_pfn(pfn) && page_ref_count(pfn_to_page(pfn)) == 1)
		return wp_page_reuse(vmf);
	return wp_page_copy(vmf);
	/* END SOLUTION cow */
	/* STUB cow: a write to a read-only pte of a writable VMA: reuse the page when this
	 * mm is its last holder (wp_page_reuse), copy it otherwise and for the zero page
	 * (wp_page_copy). Until then every such write copies.
	(void)wp_page_reuse;
	return wp_page_copy(vmf);
	 */
}

/* Linux handle_pte_fault, for anonymous memory only. */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry = *vmf->pte;

	if (pte_none(entry))
		return do_anonymous_page(vmf);
	if (!pte_present(entry))
		return VM_FAULT_SIGSEGV;	/* PROT_NONE; access_error() should have refused */
	if ((vmf->flags & FAULT_FLAG_WRITE) && !pte_write(entry))
		return do_wp_page(vmf);
	/* the pte already allows it: a stale TLB entry caused the fault */
	flush_tlb_mm_range(vmf->vma->vm_mm, vmf->address, vmf->address + PAGE_SIZE);
	return 0;
}

/**
 * handle_mm_fault - resolve a fault the VMA allows
 * @vma: the VMA holding @address (the caller checked the access rights)
 * @address: the faulting address
 * @flags: FAULT_FLAG_WRITE / FAULT_FLAG_USER / FAULT_FLAG_INSTRUCTION
 *
 * Allocates the missing page tables, then a page. Returns 0, or
 * VM_FAULT_OOM / VM_FAULT_SIGSEGV.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.flags = flags,
	};

	vmf.pte = pte_alloc_map(vma->vm_mm, vmf.address);
	if (!vmf.pte)
		return VM_FAULT_OOM;
	return handle_pte_fault(&vmf);
}

/* ---- Unmapping: unmap_vmas (the notes' unmap_region, step 1) ---- */

/* Clear one pte; a private page loses this mapping and reference (Linux zap_pte_range). */
static int zap_pte(pte_t *pte, unsigned long addr, void *data)
{
	struct mm_struct *mm = data;
	pte_t ptent = *pte;

	if (pte_none(ptent))
		return 0;
	pte_clear(pte);
	if (!is_zero_pfn(pte_pfn(ptent)))
		page_remove_rmap(pfn_to_page(pte_pfn(ptent)), mm);
	return 0;
}

/* Unmap the part of @vma inside [start_addr, end_addr) and flush the TLB for it. */
static void unmap_single_vma(struct vm_area_struct *vma, unsigned long start_addr,
			     unsigned long end_addr)
{
	unsigned long start = max(vma->vm_start, start_addr);
	unsigned long end = min(vma->vm_end, end_addr);

	if (start >= end)
		return;
	walk_page_range(vma->vm_mm, start, end, zap_pte, vma->vm_mm);
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

/*
 * Unmap the pages of [start, start + size) of @vma, leaving the VMA: the
 * next touch faults in the zero page or a new zeroed page (Linux
 * zap_page_range, for MADV_DONTNEED).
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	update_hiwater_rss(vma->vm_mm);
	unmap_single_vma(vma, start, start + size);
}

/*
 * Linux 6.1 unmap_vmas: @vma and every VMA after it in @mt (the detached
 * tree for munmap, mm->mm_mt at exit) that starts below @end_addr.
 */
void unmap_vmas(struct maple_tree *mt, struct vm_area_struct *vma,
		unsigned long start_addr, unsigned long end_addr)
{
	MA_STATE(mas, mt, vma->vm_end, vma->vm_end);

	do {
		unmap_single_vma(vma, start_addr, end_addr);
	} while ((vma = mas_find(&mas, end_addr - 1)) != NULL);
}

/* ---- Freeing page tables: free_pgtables (the notes' unmap_region, step 2) ---- */

/* Does no slot of the pte table @table map anything? */
static bool pte_table_empty(const pte_t *table)
{
	for (int i = 0; i < PTRS_PER_PTE; i++)
		if (!pte_none(table[i]))
			return false;
	return true;
}

/* Free the pte table under *@pmd (Linux free_pte_range). Its ptes were zapped already. */
static void free_pte_range(pmd_t *pmd)
{
	pte_t *table = pmd_page_vaddr(*pmd);

	WARN_ON(!pte_table_empty(table));
	set_pmd(pmd, __pmd(0));
	pgtable_free(table);
}

/*
 * Free the pte tables under [addr, end) and then the pmd table itself if
 * the whole pud entry's span lies inside [floor, ceiling) (Linux
 * free_pmd_range: floor and ceiling are the neighbouring VMAs' edges, so
 * a table another VMA still uses is never freed).
 */
static void free_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			free_pte_range(pmd);
	} while (pmd++, addr = next, addr != end);

	start &= PUD_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PUD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pmd = pmd_offset(pud, start);
	set_pud(pud, __pud(0));
	pgtable_free(pmd);
}

/* The same one level up (Linux free_pud_range; the p4d level is folded). */
static void free_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(pgd, addr);

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			free_pmd_range(pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);

	start &= PGDIR_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PGDIR_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pud = pud_offset(pgd, start);
	set_pgd(pgd, __pgd(0));
	pgtable_free(pud);
}

/**
 * free_pgd_range - free the page tables that only [addr, end) used
 * @mm: the address space
 * @addr, @end: the range whose mappings are gone
 * @floor: end of the VMA below (0 if none): tables reaching below it stay
 * @ceiling: start of the VMA above (0 = the top of the address space)
 *
 * Linux's arithmetic: a pte table is freed only when the whole 2 MiB it
 * maps lies in [floor, ceiling), a pmd table when its 1 GiB does, a pud
 * table when its 512 GiB does.
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;
	pgd = pgd_offset(mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			free_pud_range(pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
}

/*
 * Linux 6.1 free_pgtables: for @vma and the VMAs after it in @mt, free the
 * tables of runs of VMAs at most a pmd apart in one call, bounded below by
 * @floor and above by the next VMA (or @ceiling). The VMAs must have been
 * unmapped (unmap_vmas) already.
 */
void free_pgtables(struct maple_tree *mt, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling)
{
	MA_STATE(mas, mt, vma->vm_end, vma->vm_end);
	struct mm_struct *mm = vma->vm_mm;
	unsigned long tables_before = nr_page_table_pages;

	do {
		unsigned long addr = vma->vm_start;
		struct vm_area_struct *next = mas_find(&mas, ceiling - 1);

		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = mas_find(&mas, ceiling - 1);
		}
		free_pgd_range(mm, addr, vma->vm_end, floor,
			       next ? next->vm_start : ceiling);
		vma = next;
	} while (vma);
	/* the CPU caches upper-level entries too: drop them all once tables are gone */
	if (nr_page_table_pages != tables_before)
		flush_tlb_mm_range(mm, 0, TASK_SIZE);
}

/* ---- fork and mprotect ---- */

/*
 * One more mapping of an already mapped private page, in @mm (Linux
 * page_try_dup_anon_rmap + the get_page and rss update of
 * copy_present_pte): one more reference, one more mapping, and the page
 * counts in the new mm's rss too.
 */
static void page_dup_anon_rmap(struct page *page, struct mm_struct *mm)
{
	get_page(page);
	page->_mapcount++;
	mm->rss_stat[MM_ANONPAGES]++;
}

/*
 * Share the parent's pte at @addr with the child's VMA @data (Linux
 * copy_present_pte for a private mapping). The page is not copied: it gets
 * one more reference and mapping, and a writable pte becomes read-only in
 * both address spaces, so the first write in either copies it (or reuses
 * it, once it is the last holder's: do_wp_page). The zero page is shared
 * as it is. Takes the parent's pte; returns 0 or -ENOMEM (no page table).
 */
static int copy_pte(pte_t *src_pte, unsigned long addr, void *data)
{
	struct vm_area_struct *dst_vma = data;
	pte_t ptent = *src_pte;
	pte_t *dst_pte;

	if (pte_none(ptent))
		return 0;
	dst_pte = pte_alloc_map(dst_vma->vm_mm, addr);
	if (!dst_pte)
		return -ENOMEM;
	if (!is_zero_pfn(pte_pfn(ptent))) {
		page_dup_anon_rmap(pfn_to_page(pte_pfn(ptent)), dst_vma->vm_mm);
		/* BEGIN SOLUTION cow */
		if (pte_write(ptent)) {
			/* Linux ptep_set_wrprotect + pte_wrprotect: copy-on-write on both sides */
			ptent = __pte(pte_val(ptent) & ~_PAGE_RW);
			set_pte(src_pte, ptent);
		}
		/* END SOLUTION cow */
		/* STUB cow: a writable pte becomes read-only in the parent and the child, so the
		 * first write in either faults into do_wp_page(). Until then both write the same page.
		 */
	}
	set_pte(dst_pte, ptent);
	return 0;
}

/*
 * Linux copy_page_range (with dup_mmap's flush_tlb_mm): the child's VMA
 * @dst_vma maps the pages of the parent's @src_vma, copy-on-write. The
 * parent's TLB may still hold the ptes as writable: flushed here.
 * Returns 0 or -ENOMEM (what was shared so far is undone by the child's mmput).
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	int err = walk_page_range(src_vma->vm_mm, src_vma->vm_start, src_vma->vm_end,
				  copy_pte, dst_vma);

	flush_tlb_mm_range(src_vma->vm_mm, src_vma->vm_start, src_vma->vm_end);
	return err;
}

/* What change_pte needs: the VMA and its new pte protection. */
struct change_prot_args {
	struct vm_area_struct *vma;
	pgprot_t newprot;
};

/*
 * Give one pte the new protection (Linux change_pte_range). A private page
 * we hold alone becomes writable at once if the VMA is writable; the zero
 * page and a page shared copy-on-write (_refcount > 1) never do: the next
 * write fault copies them (do_wp_page).
 */
static int change_pte(pte_t *pte, unsigned long addr, void *data)
{
	struct change_prot_args *args = data;
	unsigned long pfn = pte_pfn(*pte);
	unsigned long val;

	if (pte_none(*pte))
		return 0;
	val = (pte_val(*pte) & (PTE_PFN_MASK | _PAGE_DIRTY)) | pgprot_val(args->newprot);
	if ((args->vma->vm_flags & VM_WRITE) && (val & _PAGE_PRESENT) && !is_zero_pfn(pfn) &&
	    page_ref_count(pfn_to_page(pfn)) == 1)
		val |= _PAGE_RW;
	set_pte(pte, __pte(val));
	return 0;
}

/*
 * Give the ptes of [start, end) in @vma the protection @newprot and flush
 * them from the TLB (Linux change_protection, for mprotect_fixup).
 */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot)
{
	struct change_prot_args args = { .vma = vma, .newprot = newprot };

	walk_page_range(vma->vm_mm, start, end, change_pte, &args);
	flush_tlb_mm_range(vma->vm_mm, start, end);
}
