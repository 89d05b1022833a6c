// SPDX-License-Identifier: MIT
/*
 * The buddy allocator (Linux 6.1 mm/page_alloc.c, one zone, one CPU).
 *
 * Physical memory is kept as free blocks of 2^order pages, each aligned
 * to its size, on the lists zone->free_area[order]. The block of order n
 * at pfn has one "buddy": the block of the same order at pfn ^ (1 << n).
 * Allocation takes the smallest order that has a block and splits it,
 * returning the unused halves to the lower lists (expand). Freeing merges
 * the block with its buddy while the buddy is free and of the same order
 * (__free_one_page). Every step touches at most MAX_ORDER struct pages.
 *
 * This is where unmap_vmas() and free_pgtables() in the brk notes
 * ("returns the physical pages ... to the buddy allocator") end up.
 *
 * In front of the free areas sits a per-CPU cache of small blocks
 * (struct per_cpu_pages), as in Linux: an order-0 free followed by an
 * order-0 allocation costs two list operations instead of a merge and a
 * split all the way to order 10.
 */
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/bug.h>
#include <trace/events/kmem.h>

struct pglist_data contig_page_data = {
	.node_zones = { [ZONE_NORMAL] = { .name = "Normal" } },
	.node_id = 0,
};

struct page *mem_map;
unsigned long nr_bad_page_reports;

/* Flags a page may not carry when it is freed or handed out (Linux PAGE_FLAGS_CHECK_AT_FREE). */
#define PAGE_FLAGS_CHECK_AT_FREE \
	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_slab) | (1UL << PG_head))

/*
 * The per-CPU lists hold fewer than PCP_HIGH pages: reaching it drains
 * them down to PCP_HIGH - PCP_BATCH; an empty list is refilled with
 * about PCP_BATCH pages' worth of blocks.
 */
#define PCP_HIGH	256
#define PCP_BATCH	63

/* The zone @page belongs to: there is only ZONE_NORMAL (Linux page_zone). */
static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[ZONE_NORMAL];
}

/* ---- Free block marking (Linux set_buddy_order / buddy_order) ---- */

/* Mark @page as the head of a free block of @order. */
static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

/* The order of the free block headed by @page (PageBuddy). */
static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

/* Put the free block @page on free_area[@order]; the caller marks it (set_buddy_order). */
static inline void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	list_add(&page->buddy_list, &area->free_list);
	area->nr_free++;
}

/* Take the free block @page off free_area[@order] and unmark it. */
static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * The buddy of the order-@order block at @pfn if it is a free block of
 * the same order in the same zone, else NULL; *buddy_pfn receives its pfn.
 * Linux: find_buddy_page_pfn() + page_is_buddy().
 */
static inline struct page *find_buddy_page_pfn(struct zone *zone, struct page *page,
					       unsigned long pfn, unsigned int order,
					       unsigned long *buddy_pfn)
{
	unsigned long candidate_pfn = pfn ^ (1UL << order);
	struct page *buddy = page + ((long)candidate_pfn - (long)pfn);

	if (!zone_spans_pfn(zone, candidate_pfn))
		return NULL;
	if (!PageBuddy(buddy) || buddy_order(buddy) != order)
		return NULL;
	*buddy_pfn = candidate_pfn;
	return buddy;
}

/*
 * Put the free block @page (pfn @pfn, order @order) on the free areas,
 * merging it with its buddy as long as the buddy is free (Linux
 * __free_one_page). The page must be unmarked, with _refcount 0.
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order)
{
	/* BEGIN SOLUTION buddy */
	unsigned long buddy_pfn, combined_pfn;
	struct page *buddy;

	while (order < MAX_ORDER - 1) {
		buddy = find_buddy_page_pfn(zone, page, pfn, order, &buddy_pfn);
		if (!buddy)
			break;
		del_page_from_free_list(buddy, zone, order);
		combined_pfn = buddy_pfn & pfn;
		page = page + ((long)combined_pfn - (long)pfn);
		pfn = combined_pfn;
		order++;
	}
	set_buddy_order(page, order);
	add_to_free_list(page, zone, order);
	/* END SOLUTION buddy */
	/* STUB buddy: merge the block with its buddy (find_buddy_page_pfn) while the buddy is
	 * free and of the same order, then put the merged block on its free list.
	 * Until then blocks go on the free lists as they come, never merged.
	set_buddy_order(page, order);
	add_to_free_list(page, zone, order);
	 */
}

/*
 * Split the order-@high block @page down to order @low: the upper half
 * at each step goes back to the free list one order below (Linux expand).
 */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high)
{
	/* BEGIN SOLUTION buddy */
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
		set_buddy_order(&page[size], high);
	}
	/* END SOLUTION buddy */
	/* STUB buddy: split the order-@high block down to order @low, giving each upper
	 * half back to the free list of its order (set_buddy_order, add_to_free_list).
	 */
}

/*
 * Take a block of exactly @order from the free areas, splitting the
 * smallest larger block if needed; NULL if none (Linux __rmqueue_smallest).
 */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	/* BEGIN SOLUTION buddy */
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, buddy_list);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return NULL;
	/* END SOLUTION buddy */
	/* STUB buddy: take a block of exactly @order from the smallest order that has one,
	 * unlinked from its list (del_page_from_free_list) and split by expand().
	panic("LAB buddy: __rmqueue_smallest() is not written yet (docs/labs/buddy.md)");
	 */
}

/* ---- Misuse reports ---- */

/*
 * Report a page in a state it must not be in (Linux bad_page). The
 * operation that found it is refused; the kernel keeps running.
 */
static void bad_page(struct page *page, unsigned int order, const char *reason)
{
	nr_bad_page_reports++;
	printk(KERN_ALERT "BUG: Bad page state: pfn:%05lx flags:0x%lx order:%u refcount:%d mapcount:%d private:%lu\n",
		 page_to_pfn(page), page->flags, order, page->_refcount,
		 page->_mapcount, page->private);
	printk(KERN_ALERT "page dumped because: %s\n", reason);
}

/* Why freeing @page with @order is wrong, or NULL if it is right (the slow path). */
static const char *free_page_problem(const struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned int allocated_order = PageHead(page) ? page->private : 0;

	if (order >= MAX_ORDER)
		return "order out of range";
	if (!zone_spans_pfn(page_zone(page), pfn) ||
	    !zone_spans_pfn(page_zone(page), pfn + (1UL << order) - 1))
		return "block outside the zone";
	if (PageReserved(page))
		return "freeing a reserved page (never given to the allocator)";
	if (PageBuddy(page) || page->_refcount <= 0)
		return "freeing a free page (double free, or never allocated)";
	if (PageSlab(page))
		return "freeing a page still owned by the slab allocator";
	if (page->_mapcount != -1)
		return "nonzero mapcount";
	if (pfn & ((1UL << order) - 1))
		return "block not aligned to its order";
	if (allocated_order != order)
		return "freed with a different order than allocated";
	return NULL;
}

/*
 * Is @page (about to be freed with @order) in the expected state? One test
 * on the fast path. _refcount and _mapcount are read one at a time
 * (READ_ONCE): the fast paths store _refcount alone, and one 8-byte load of
 * both, which the compiler would otherwise make, cannot take its bytes from
 * that 4-byte store in flight and waits for it to reach the cache (a store-
 * forwarding stall that made an order-0 alloc+free pair twice as slow).
 */
static inline bool free_page_expected(const struct page *page, unsigned int order)
{
	unsigned long want = order ? 1UL << PG_head : 0;

	return (page->flags & PAGE_FLAGS_CHECK_AT_FREE) == want &&
	       READ_ONCE(page->_refcount) == 1 && READ_ONCE(page->_mapcount) == -1 &&
	       (order == 0 || page->private == order) && order < MAX_ORDER;
}

/* ---- Per-CPU page lists (Linux per_cpu_pages) ---- */

/* May blocks of @order go through the per-CPU lists? (Linux pcp_allowed_order) */
static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

/*
 * Return at least @count pages from the per-CPU lists to the free areas,
 * oldest first, taking from each order's list in turn
 * (Linux free_pcppages_bulk).
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	unsigned int order = 0;

	while (count > 0 && pcp->count > 0) {
		struct list_head *list = &pcp->lists[order];

		if (!list_empty(list)) {
			struct page *page = list_last_entry(list, struct page, buddy_list);

			list_del(&page->buddy_list);
			pcp->count -= 1 << order;
			count -= 1 << order;
			__free_one_page(page, page_to_pfn(page), zone, order);
		}
		order = (order + 1) % NR_PCP_LISTS;
	}
}

/* Return every block on @zone's per-CPU lists to the free areas (Linux drain_zone_pages). */
void drain_zone_pages(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->per_cpu_pageset;

	free_pcppages_bulk(zone, pcp->count, pcp);
}

/* Drain the per-CPU lists and bypass them until zone_pcp_enable (Linux zone_pcp_disable). */
void zone_pcp_disable(struct zone *zone)
{
	drain_zone_pages(zone);
	zone->per_cpu_pageset.high = 0;
}

/* Use the per-CPU lists again (Linux zone_pcp_enable). */
void zone_pcp_enable(struct zone *zone)
{
	zone->per_cpu_pageset.high = PCP_HIGH;
}

/* Queue a checked free block on the per-CPU list of its order (Linux free_unref_page_commit). */
static inline void free_unref_page_commit(struct zone *zone, struct per_cpu_pages *pcp,
					  struct page *page, unsigned int order)
{
	list_add(&page->buddy_list, &pcp->lists[order]);
	pcp->count += 1 << order;
	if (pcp->count >= pcp->high)
		free_pcppages_bulk(zone, pcp->count - pcp->high + pcp->batch, pcp);
}

/*
 * Refill an empty per-CPU list with up to @count blocks of @order from
 * the free areas (Linux rmqueue_bulk). Returns the blocks added.
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count,
			struct list_head *list, struct per_cpu_pages *pcp)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue_smallest(zone, order);

		if (!page)
			break;
		list_add_tail(&page->buddy_list, list);
		pcp->count += 1 << order;
	}
	return i;
}

/* Unlink the newest block of @order from the per-CPU lists (which must have one). */
static inline struct page *pcp_list_pop(struct per_cpu_pages *pcp, unsigned int order)
{
	struct page *page = list_first_entry(&pcp->lists[order], struct page, buddy_list);

	list_del(&page->buddy_list);
	pcp->count -= 1 << order;
	return page;
}

/* A block of @order from the per-CPU list, refilling it if empty; NULL if none. */
static struct page *rmqueue_pcplist(struct zone *zone, unsigned int order,
				    struct per_cpu_pages *pcp)
{
	if (list_empty(&pcp->lists[order])) {
		int count = max(pcp->batch >> order, 1);

		if (!rmqueue_bulk(zone, order, count, &pcp->lists[order], pcp))
			return NULL;
	}
	return pcp_list_pop(pcp, order);
}

/* Take a free block of @order from @zone; NULL if there is none (Linux rmqueue). */
static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct per_cpu_pages *pcp = &zone->per_cpu_pageset;

	if (pcp_allowed_order(order) && pcp->high)
		return rmqueue_pcplist(zone, order, pcp);
	return __rmqueue_smallest(zone, order);
}

/* ---- Allocation and freeing ---- */

/*
 * Make a block taken from the free lists an allocated one: _refcount 1,
 * a head page carrying its order if order > 0 (Linux prep_new_page).
 * Returns false, after a report, if the block was corrupted while free.
 */
static inline bool prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	if (unlikely((page->flags & PAGE_FLAGS_CHECK_AT_FREE) || page->_refcount != 0 ||
		     page->_mapcount != -1)) {
		bad_page(page, order, "corrupted while on a free list");
		return false;
	}
	page->_refcount = 1;
	if (order) {
		__SetPageHead(page);
		page->private = order;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	trace_mm_page_alloc(page, order, gfp);
	return true;
}

/*
 * Everything but a hit in the per-CPU lists: refill them, split a larger
 * block, drain the lists when memory is short, report failure
 * (Linux get_page_from_freelist + __alloc_pages_slowpath, much reduced).
 */
static __noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];
	struct page *page;

	if (order >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order:%u out of range\n", order);
		return NULL;
	}
	do {
		page = rmqueue(zone, order);
		if (!page && zone->per_cpu_pageset.count) {
			/* Cached small blocks may merge into what is asked for. */
			drain_zone_pages(zone);
			page = rmqueue(zone, order);
		}
	} while (page && !prep_new_page(page, order, gfp));
	if (!page && !(gfp & __GFP_NOWARN))
		pr_warn("page allocation failure: order:%u, mode:0x%x, free pages:%lu\n",
			order, gfp, nr_free_pages());
	return page;
}

/* Zero a block just taken off the per-CPU lists (out of line: the fast path stays a leaf). */
static __noinline struct page *clear_new_block(struct page *page, unsigned int order)
{
	memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/**
 * alloc_pages - allocate 2^@order physically contiguous pages
 * @gfp: __GFP_ZERO to clear them, __GFP_NOWARN to stay quiet on failure
 * @order: 0 .. MAX_ORDER - 1
 *
 * Returns the first page (aligned to 2^order pages), or NULL with the
 * allocator unchanged if no block is large enough.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct per_cpu_pages *pcp = &contig_page_data.node_zones[ZONE_NORMAL].per_cpu_pageset;

	/*
	 * Fast path: a block of this order waits in the per-CPU lists (empty
	 * while they are disabled) and is as a free block must be; anything
	 * else goes the slow way, which also reports.
	 */
	if (likely(pcp_allowed_order(order) && !list_empty(&pcp->lists[order]))) {
		struct page *page = list_first_entry(&pcp->lists[order], struct page, buddy_list);

		/* one field at a time: see free_page_expected */
		if (likely(!(page->flags & PAGE_FLAGS_CHECK_AT_FREE) &&
			   READ_ONCE(page->_refcount) == 0 && READ_ONCE(page->_mapcount) == -1)) {
			/*
			 * Unlinked without poisoning: the links are rewritten
			 * before any reuse. The first entry's prev is the head.
			 */
			__list_del(&pcp->lists[order], page->buddy_list.next);
			pcp->count -= 1 << order;
			page->_refcount = 1;
			if (order) {
				__SetPageHead(page);
				page->private = order;
			}
			trace_mm_page_alloc(page, order, gfp);
			if (gfp & __GFP_ZERO)
				return clear_new_block(page, order);
			return page;
		}
	}
	return __alloc_pages_slowpath(gfp, order);
}

/* alloc_pages, returning the block's kernel address, or 0 (Linux __get_free_pages). */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/* One zeroed page's kernel address, or 0 (Linux get_zeroed_page). */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/*
 * Give a checked block with _refcount 0 back: through the per-CPU lists
 * for small orders, else straight to the free areas (Linux free_the_page).
 */
static inline void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	struct per_cpu_pages *pcp = &zone->per_cpu_pageset;

	trace_mm_page_free(page, order);
	page->flags &= ~((1UL << PG_head) | (1UL << PG_pgtable));
	page->private = 0;
	if (likely(pcp_allowed_order(order) && pcp->high))
		free_unref_page_commit(zone, pcp, page, order);
	else
		__free_one_page(page, page_to_pfn(page), zone, order);
}

/*
 * Everything __free_pages' fast paths leave: a misuse to report, a large
 * block, full or disabled per-CPU lists.
 */
static __noinline void __free_pages_slowpath(struct page *page, unsigned int order)
{
	const char *problem;

	if (unlikely(!free_page_expected(page, order))) {
		problem = free_page_problem(page, order);
		if (problem) {
			bad_page(page, order, problem);
			return;
		}
	}
	page->_refcount = 0;
	free_the_page(page, order);
}

/**
 * __free_pages - drop a reference to a block from alloc_pages()
 * @page: its first page
 * @order: the order it was allocated with
 *
 * The block is freed when the last reference goes. Freeing a free page,
 * a page never allocated, or with the wrong order is reported
 * ("BUG: Bad page state") and refused.
 */
void __free_pages(struct page *page, unsigned int order)
{
	struct per_cpu_pages *pcp = &contig_page_data.node_zones[ZONE_NORMAL].per_cpu_pageset;

	if (likely(free_page_expected(page, order))) {
		/* The last reference to a well-formed small block, room on the lists. */
		if (likely(pcp_allowed_order(order) && pcp->count + (1 << order) < pcp->high)) {
			trace_mm_page_free(page, order);
			page->_refcount = 0;
			page->flags &= ~((1UL << PG_head) | (1UL << PG_pgtable));
			page->private = 0;
			list_add(&page->buddy_list, &pcp->lists[order]);
			pcp->count += 1 << order;
			return;
		}
	} else if (page->_refcount > 1 && !PageReserved(page) && !PageBuddy(page)) {
		page->_refcount--;	/* another user still holds it */
		return;
	}
	__free_pages_slowpath(page, order);
}

/* __free_pages by kernel address; 0 is ignored (Linux free_pages). */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr != 0)
		__free_pages(virt_to_page((void *)addr), order);
}

/* ---- Setup ---- */

/*
 * Linux free_area_init() + memmap_init_range(): an empty zone over
 * [start_pfn, end_pfn) and every struct page reserved, owned by nobody.
 */
void page_alloc_init_range(struct page *map, unsigned long start_pfn,
			   unsigned long end_pfn, unsigned long present_pages)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];
	struct per_cpu_pages *pcp = &zone->per_cpu_pageset;
	unsigned long pfn;
	unsigned int order;

	mem_map = map;
	max_pfn = end_pfn;
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn - start_pfn;
	zone->present_pages = present_pages;
	zone->managed_pages = 0;
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	pcp->count = 0;
	pcp->high = PCP_HIGH;
	pcp->batch = PCP_BATCH;
	for (order = 0; order < NR_PCP_LISTS; order++)
		INIT_LIST_HEAD(&pcp->lists[order]);
	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = &map[pfn];

		memset(page, 0, sizeof(*page));
		__SetPageReserved(page);
		page->_refcount = 1;
		page->_mapcount = -1;
	}
}

/* Linux __free_pages_core(): a reserved boot block joins the allocator. */
static void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long nr_pages = 1UL << order, i;

	for (i = 0; i < nr_pages; i++) {
		__ClearPageReserved(&page[i]);
		page[i]._refcount = 0;
	}
	page_zone(page)->managed_pages += nr_pages;
	__free_one_page(page, page_to_pfn(page), page_zone(page), order);
}

/*
 * Linux memblock_free_pages: the reserved boot block @page (pfn @pfn,
 * naturally aligned, inside the zone) joins the allocator. A block that
 * breaks these rules, or was freed before, is reported and ignored.
 */
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order)
{
	struct zone *zone = page_zone(page);

	if (order >= MAX_ORDER || (pfn & ((1UL << order) - 1)) ||
	    !zone_spans_pfn(zone, pfn) || !zone_spans_pfn(zone, pfn + (1UL << order) - 1)) {
		bad_page(page, order, "boot block misaligned or outside the zone");
		return;
	}
	for (unsigned long i = 0; i < (1UL << order); i++) {
		if (!PageReserved(&page[i])) {
			bad_page(&page[i], order, "boot block freed twice");
			return;
		}
	}
	__free_pages_core(page, order);
}

/* ---- Accounting and views ---- */

/* Pages in @zone's free areas, not counting the per-CPU lists. */
unsigned long zone_free_pages(const struct zone *zone)
{
	unsigned long pages = 0;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		pages += zone->free_area[order].nr_free << order;
	return pages;
}

/* zone_free_pages of the only zone (Linux global NR_FREE_PAGES). */
unsigned long nr_free_pages(void)
{
	return zone_free_pages(&contig_page_data.node_zones[ZONE_NORMAL]);
}

/* Free pages, the per-CPU lists' included (MemFree in /proc/meminfo). */
unsigned long nr_free_pages_with_pcp(void)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];

	return zone_free_pages(zone) + zone->per_cpu_pageset.count;
}

/* Pages ever given to the buddy allocator (Linux totalram_pages). */
unsigned long totalram_pages(void)
{
	return zone_managed_pages(&contig_page_data.node_zones[ZONE_NORMAL]);
}

/* /proc/buddyinfo: free blocks per order of every zone with memory (Linux frag_show_print). */
void buddyinfo_show(struct seq_file *m)
{
	pg_data_t *pgdat = NODE_DATA(0);
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];
		unsigned int order;

		if (!zone->present_pages)
			continue;
		seq_printf(m, "Node %d, zone %8s ", pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; ++order)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		seq_putc(m, '\n');
	}
}
