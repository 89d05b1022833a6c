/* SPDX-License-Identifier: MIT */
/*
 * Page frame <-> address conversions over the flat mem_map array
 * (Linux's FLATMEM model: mem_map[pfn] describes page frame pfn).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/gfp.h>
#include <asm/page.h>

extern struct page *mem_map;	/* struct page of every frame below max_pfn */
extern unsigned long max_pfn;	/* one past the highest RAM page frame */

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define page_address(page)	__va(page_to_phys(page))
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)
#define virt_to_pfn(addr)	(__pa(addr) >> PAGE_SHIFT)
#define pfn_valid(pfn)		((pfn) < max_pfn)

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount;
}

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

/* Physical memory setup and the buddy allocator (kernel/mm/page_alloc.c,
 * kernel/arch/x86_64/init_64.c). */

/* Build the kernel page tables, mem_map and the buddy allocator from memblock. */
void mm_core_init(void);
/* Free pages in the buddy allocator's free areas (Linux NR_FREE_PAGES). */
unsigned long nr_free_pages(void);
/*
 * Free pages including those parked on the per-CPU lists: what /proc/meminfo
 * reports as MemFree here. (Linux leaves the per-CPU lists out of MemFree;
 * counting them makes MemFree exact to the page, so leak checks can compare it.)
 */
unsigned long nr_free_pages_with_pcp(void);
/* Pages ever handed to the buddy allocator (Linux totalram_pages()). */
unsigned long totalram_pages(void);

/*
 * Set up the zone over page frames [start_pfn, end_pfn) with @map as
 * mem_map (map[pfn] describes frame pfn, from 0) and every struct page
 * reserved; max_pfn becomes end_pfn. Pages join the allocator only when
 * freed with memblock_free_pages(). Used by mm_core_init and host tests.
 */
void page_alloc_init_range(struct page *map, unsigned long start_pfn,
			   unsigned long end_pfn, unsigned long present_pages);
/* Hand a reserved, naturally aligned block to the buddy allocator (boot time). */
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order);

/* "BUG: Bad page state" reports so far (misuse of the page allocator). */
extern unsigned long nr_bad_page_reports;

#endif
