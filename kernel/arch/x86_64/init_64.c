// SPDX-License-Identifier: MIT
/*
 * The kernel's final page tables and the start of the page allocator
 * (Linux arch/x86/mm/init.c, init_64.c and mm/mm_init.c's mm_core_init).
 *
 * swapper_pg_dir maps:
 *   - all RAM (and the first 1 MiB, for VGA) at PAGE_OFFSET, the direct
 *     map: 2 MiB pages where a whole aligned 2 MiB is RAM, 4 KiB pages at
 *     the ragged edges, read-write and never executable;
 *   - the kernel image at __START_KERNEL_map with 4 KiB pages: text
 *     read-only+executable, rodata read-only, data and bss read-write,
 *     both no-execute; the page below the boot stack is left unmapped so
 *     an overflow faults instead of corrupting the data below it.
 * The boot page tables' identity map of low memory is gone afterwards.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

#define ISA_END_ADDRESS	0x100000UL	/* the legacy first 1 MiB (VGA at 0xb8000) */

static unsigned long nr_pgtable_pages;	/* page-table pages taken from memblock */

/*
 * A zeroed page for a page table, from memblock (below the 1 GiB the boot
 * tables map, so __va works on it while the new tables are being built).
 */
static void *alloc_low_page(void)
{
	nr_pgtable_pages++;
	return __va(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
}

/* The pmd entry for @vaddr in swapper_pg_dir, creating the pud and pmd tables. */
static pmd_t *fill_pmd(unsigned long vaddr)
{
	pgd_t *pgd = pgd_offset_pgd(swapper_pg_dir, vaddr);
	pud_t *pud;

	if (pgd_none(*pgd))
		set_pgd(pgd, __pgd(__pa(alloc_low_page()) | _KERNPG_TABLE));
	pud = pud_offset(pgd, vaddr);
	if (pud_none(*pud))
		set_pud(pud, __pud(__pa(alloc_low_page()) | _KERNPG_TABLE));
	BUG_ON(pud_large(*pud));
	return pmd_offset(pud, vaddr);
}

/* The pte for @vaddr, creating tables down to it (the pmd must not map a 2 MiB page). */
static pte_t *fill_pte(unsigned long vaddr)
{
	pmd_t *pmd = fill_pmd(vaddr);

	if (pmd_none(*pmd))
		set_pmd(pmd, __pmd(__pa(alloc_low_page()) | _KERNPG_TABLE));
	BUG_ON(pmd_large(*pmd));
	return pte_offset_kernel(pmd, vaddr);
}

/*
 * Map physical [start, end) (page-aligned) at PAGE_OFFSET + start:
 * a 2 MiB page for each aligned 2 MiB inside the range whose pmd is
 * still empty, 4 KiB pages elsewhere (Linux kernel_physical_mapping_init).
 */
static void map_direct_range(unsigned long start, unsigned long end)
{
	unsigned long pa = start;

	while (pa < end) {
		unsigned long va = (unsigned long)__va(pa);
		pmd_t *pmd = fill_pmd(va);

		if (IS_ALIGNED(pa, PMD_SIZE) && pa + PMD_SIZE <= end && pmd_none(*pmd)) {
			set_pmd(pmd, pfn_pmd(PFN_DOWN(pa), PAGE_KERNEL_LARGE));
			pa += PMD_SIZE;
			continue;
		}
		if (!pmd_large(*pmd))
			set_pte(fill_pte(va), pfn_pte(PFN_DOWN(pa), PAGE_KERNEL));
		pa += PAGE_SIZE;
	}
}

/* Linux init_mem_mapping(): the direct map of every RAM region and the ISA range. */
static void init_mem_mapping(void)
{
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long start = PAGE_ALIGN(r->base);
		unsigned long end = (r->base + r->size) & PAGE_MASK;

		if (start < end)
			map_direct_range(start, end);
	}
	map_direct_range(0, ISA_END_ADDRESS);
}

/* The protection of the kernel image page at @va (a page-aligned image address). */
static pgprot_t kernel_image_prot(unsigned long va)
{
	if (va < (unsigned long)_etext)
		return PAGE_KERNEL_ROX;
	if (va >= (unsigned long)__start_rodata && va < (unsigned long)__end_rodata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

/* Map [_text, _end) at its link address with per-section permissions, 4 KiB pages. */
static void map_kernel_image(void)
{
	unsigned long va, start = (unsigned long)_text & PAGE_MASK;
	unsigned long end = PAGE_ALIGN((unsigned long)_end);

	if (!PAGE_ALIGNED(_etext) || !PAGE_ALIGNED(__start_rodata) || !PAGE_ALIGNED(__end_rodata))
		pr_warn("paging: kernel sections not page-aligned; permissions are per page\n");
	for (va = start; va < end; va += PAGE_SIZE) {
		if (va == (unsigned long)__boot_stack_guard)
			continue;	/* left not present: the boot stack's guard page */
		set_pte(fill_pte(va), pfn_pte(PFN_DOWN(__pa_symbol(va)), kernel_image_prot(va)));
	}
}

/*
 * Linux paging_init() for this kernel: build swapper_pg_dir and switch
 * to it. Afterwards memblock may allocate anywhere in RAM (all mapped).
 */
void paging_init(void)
{
	BUG_ON(!PAGE_ALIGNED(__boot_stack_guard));
	init_mem_mapping();
	map_kernel_image();
	write_cr3(__pa_symbol(swapper_pg_dir));
	__flush_tlb_all();
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	pr_info("paging: direct map of RAM below %lu MiB at 0x%lx, kernel image at 0x%lx, %lu page-table pages\n",
		memblock_end_of_DRAM() >> 20, PAGE_OFFSET, (unsigned long)_text, nr_pgtable_pages);
}

/* mem_map: a struct page for every page frame below max_pfn (Linux alloc_node_mem_map). */
static void alloc_node_mem_map(void)
{
	unsigned long size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	unsigned long present = 0, i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long start = PFN_UP(r->base), end = min(PFN_DOWN(r->base + r->size), max_pfn);

		if (start < end)
			present += end - start;
	}
	page_alloc_init_range(__va(memblock_alloc(size, PAGE_SIZE)), 0, max_pfn, present);
}

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* Linux mem_init() + mem_init_print_info(): hand memory over and say how much there is. */
static void mem_init(void)
{
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long codesize = _etext - _text, datasize = _edata - _sdata;
	unsigned long rosize = __end_rodata - __start_rodata, bss_size = __bss_stop - __bss_start;
	unsigned long physpages = zone->present_pages;

	memblock_free_all();
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved)\n",
		K(nr_free_pages()), K(physpages), codesize >> 10, datasize >> 10, rosize >> 10,
		bss_size >> 10, K(physpages - totalram_pages()));
	pr_info("Memory: %lu MiB RAM in %lu regions, max_pfn 0x%lx, %lu MiB managed by the buddy allocator\n",
		memblock_phys_mem_size() >> 20, memblock.memory.cnt, max_pfn,
		totalram_pages() >> (20 - PAGE_SHIFT));
}

static bool mminit_verbose;

static int set_mminit_verbose(char *value)
{
	mminit_verbose = true;
	return 0;
}
early_param("mminit_verbose", set_mminit_verbose);

/* Print /proc/buddyinfo's text at boot (mminit_verbose or loglevel=8). */
static void buddyinfo_boot_print(void)
{
	const char *loglevel = cmdline_get("loglevel");
	char buf[256];
	struct seq_file m;

	if (!mminit_verbose && !(loglevel && loglevel[0] == '8'))
		return;
	seq_init(&m, buf, sizeof(buf));
	buddyinfo_show(&m);
	pr_info("%s", buf);
	memblock_dump_all();
}

/**
 * mm_core_init - from memblock to a running page allocator
 *
 * Assumes the boot code has registered RAM and reservations with
 * memblock. Builds and loads the kernel page tables, allocates mem_map
 * and gives every free page to the buddy allocator.
 */
void mm_core_init(void)
{
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	paging_init();
	alloc_node_mem_map();
	mem_init();
	buddyinfo_boot_print();
}
