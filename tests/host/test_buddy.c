// SPDX-License-Identifier: MIT
/*
 * Host tests of kernel/mm/page_alloc.c and kernel/mm/memblock.c over a
 * block of host memory posing as physical memory from address 0
 * (page_offset_base = the block). Each case builds its zone the way the
 * kernel does at boot: memblock_add/memblock_reserve, page_alloc_init_range,
 * memblock_free_all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>
#include <linux/seq_file.h>

#define ARENA_PAGES	8192UL		/* 32 MiB of "physical memory" */

static void *arena;
static struct page *arena_map;

static struct zone *test_zone(void)
{
	return &contig_page_data.node_zones[ZONE_NORMAL];
}

/* Forget every memblock region (the kernel never needs this; each case does). */
static void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.current_limit = SZ_1G;
}

/*
 * Build a zone over frames [start_pfn, end_pfn) whose RAM is the
 * @nr_ram ranges [pfn, pfn) in @ram, minus the @nr_res ranges in @res.
 * The per-CPU lists start disabled so free lists are exact.
 */
static void setup_zone(unsigned long start_pfn, unsigned long end_pfn,
		       const unsigned long ram[][2], int nr_ram,
		       const unsigned long res[][2], int nr_res)
{
	unsigned long present = 0;
	int i;

	if (!arena) {
		arena = aligned_alloc(SZ_4K << (MAX_ORDER - 1), ARENA_PAGES * PAGE_SIZE);
		arena_map = calloc(ARENA_PAGES, sizeof(struct page));
		if (!arena || !arena_map)
			abort();
		page_offset_base = (unsigned long)arena;
	}
	memblock_reset();
	for (i = 0; i < nr_ram; i++) {
		memblock_add(PFN_PHYS(ram[i][0]), PFN_PHYS(ram[i][1] - ram[i][0]));
		present += ram[i][1] - ram[i][0];
	}
	for (i = 0; i < nr_res; i++)
		memblock_reserve(PFN_PHYS(res[i][0]), PFN_PHYS(res[i][1] - res[i][0]));
	page_alloc_init_range(arena_map, start_pfn, end_pfn, present);
	memblock_free_all();
	zone_pcp_disable(test_zone());
}

/* A zone that is all RAM over [0, nr_pages). */
static void setup_simple_zone(unsigned long nr_pages)
{
	const unsigned long ram[][2] = { { 0, nr_pages } };

	setup_zone(0, nr_pages, ram, 1, NULL, 0);
}

/* Sorted pfns of the blocks on free_area[order] into @out (at most @max); returns the count. */
static int free_list_pfns(unsigned int order, unsigned long *out, int max)
{
	struct page *page;
	int n = 0, i, j;

	list_for_each_entry(page, &test_zone()->free_area[order].free_list, buddy_list) {
		if (n < max)
			out[n] = page_to_pfn(page);
		n++;
	}
	for (i = 1; i < n && i < max; i++)
		for (j = i; j > 0 && out[j - 1] > out[j]; j--) {
			unsigned long t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

/*
 * Expect free_area[order] to hold exactly the blocks at @pfns (any
 * order on the list), each PageBuddy with that order, and nr_free to match.
 */
static void expect_free_list(struct kunit *test, unsigned int order,
			     const unsigned long *pfns, int n)
{
	unsigned long got[64];
	int count = free_list_pfns(order, got, 64), i;

	KUNIT_EXPECT_EQ(test, count, n);
	KUNIT_EXPECT_EQ(test, test_zone()->free_area[order].nr_free, n);
	for (i = 0; i < n && i < count; i++) {
		KUNIT_EXPECT_EQ(test, got[i], pfns[i]);
		KUNIT_EXPECT_TRUE(test, PageBuddy(pfn_to_page(got[i])));
		KUNIT_EXPECT_EQ(test, pfn_to_page(got[i])->private, order);
	}
}

static void snapshot_nr_free(unsigned long *counts)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		counts[order] = test_zone()->free_area[order].nr_free;
}

static void expect_nr_free(struct kunit *test, const unsigned long *counts)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		KUNIT_EXPECT_EQ(test, test_zone()->free_area[order].nr_free, counts[order]);
}

/* ---- Split and merge ---- */

static void buddy_split_and_merge(struct kunit *test)
{
	struct page *a, *b, *c;

	/* One order-4 block: pfns 0..15, so splits are predictable. */
	setup_simple_zone(16);
	expect_free_list(test, 4, (unsigned long[]){ 0 }, 1);

	a = alloc_pages(GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, page_to_pfn(a), 0);
	/* 0 taken; 1 (order 0), 2 (order 1), 4 (order 2), 8 (order 3) free */
	expect_free_list(test, 0, (unsigned long[]){ 1 }, 1);
	expect_free_list(test, 1, (unsigned long[]){ 2 }, 1);
	expect_free_list(test, 2, (unsigned long[]){ 4 }, 1);
	expect_free_list(test, 3, (unsigned long[]){ 8 }, 1);
	expect_free_list(test, 4, NULL, 0);
	KUNIT_EXPECT_EQ(test, a->_refcount, 1);
	KUNIT_EXPECT_FALSE(test, PageHead(a));

	b = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, page_to_pfn(b), 4);
	KUNIT_EXPECT_TRUE(test, PageHead(b));
	KUNIT_EXPECT_EQ(test, b->private, 2);

	c = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, page_to_pfn(c), 2);
	expect_free_list(test, 0, (unsigned long[]){ 1 }, 1);
	expect_free_list(test, 1, NULL, 0);
	expect_free_list(test, 2, NULL, 0);
	expect_free_list(test, 3, (unsigned long[]){ 8 }, 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 9);

	/* Freeing 0 merges with 1 into an order-1 block at 0, whose buddy 2 is taken. */
	__free_pages(a, 0);
	expect_free_list(test, 0, NULL, 0);
	expect_free_list(test, 1, (unsigned long[]){ 0 }, 1);
	KUNIT_EXPECT_EQ(test, a->_refcount, 0);

	/* Freeing 2 merges 0..3 into order 2; 4 is still taken. */
	__free_pages(c, 1);
	expect_free_list(test, 1, NULL, 0);
	expect_free_list(test, 2, (unsigned long[]){ 0 }, 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(c));

	/* Freeing 4 completes the order-4 block. */
	__free_pages(b, 2);
	expect_free_list(test, 2, NULL, 0);
	expect_free_list(test, 3, NULL, 0);
	expect_free_list(test, 4, (unsigned long[]){ 0 }, 1);
	KUNIT_EXPECT_FALSE(test, PageHead(b));
	KUNIT_EXPECT_FALSE(test, PageBuddy(b));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 16);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, 0);
}

/* A free block does not merge with a buddy that is free but of a lower order. */
static void buddy_no_merge_with_split_buddy(struct kunit *test)
{
	struct page *p[4];
	int i;

	setup_simple_zone(8);
	for (i = 0; i < 4; i++)
		p[i] = alloc_pages(GFP_KERNEL, 1);	/* 0, 2, 4, 6 */
	KUNIT_EXPECT_EQ(test, page_to_pfn(p[3]), 6);
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, 0));
	__free_pages(p[0], 1);		/* 0 (order 1) */
	__free_pages(p[3], 1);		/* 6 (order 1): buddy 4 taken */
	expect_free_list(test, 1, (unsigned long[]){ 0, 6 }, 2);
	__free_pages(p[2], 1);		/* 4 merges with 6 -> order 2 at 4; buddy 0 is order 1 */
	expect_free_list(test, 1, (unsigned long[]){ 0 }, 1);
	expect_free_list(test, 2, (unsigned long[]){ 4 }, 1);
	__free_pages(p[1], 1);		/* 2 merges with 0 -> order 2 at 0 -> with 4 -> order 3 */
	expect_free_list(test, 1, NULL, 0);
	expect_free_list(test, 2, NULL, 0);
	expect_free_list(test, 3, (unsigned long[]){ 0 }, 1);
}

/* ---- Exhaustion ---- */

/* Allocate everything in order-@order blocks, check each, free it all, in an order set by @reverse. */
static void exhaust_and_free(struct kunit *test, unsigned int order, bool reverse)
{
	unsigned long before[MAX_ORDER], free_before = nr_free_pages(), n = 0, i;
	struct page **blocks = malloc(sizeof(*blocks) * (ARENA_PAGES + 1));
	struct page *page;

	snapshot_nr_free(before);
	while ((page = alloc_pages(__GFP_NOWARN, order)) != NULL) {
		KUNIT_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1), 0);
		/* The block's memory is usable: write its whole extent (ASan checks bounds). */
		memset(page_address(page), 0xa5, PAGE_SIZE << order);
		blocks[n++] = page;
	}
	KUNIT_EXPECT_LE(test, nr_free_pages(), (1UL << order) - 1);
	if (order == 0)
		KUNIT_EXPECT_EQ(test, n, free_before);
	for (i = 0; i < n; i++)
		__free_pages(blocks[reverse ? n - 1 - i : i], order);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	expect_nr_free(test, before);
	free(blocks);
}

static void buddy_exhaust_then_free_all(struct kunit *test)
{
	unsigned int order;

	setup_simple_zone(ARENA_PAGES);
	/* 8192 pages = eight order-10 blocks and nothing else. */
	KUNIT_EXPECT_EQ(test, test_zone()->free_area[MAX_ORDER - 1].nr_free, 8);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), ARENA_PAGES);
	KUNIT_EXPECT_EQ(test, totalram_pages(), ARENA_PAGES);
	for (order = 0; order < MAX_ORDER; order++) {
		exhaust_and_free(test, order, false);
		exhaust_and_free(test, order, true);
	}
	KUNIT_EXPECT_EQ(test, test_zone()->free_area[MAX_ORDER - 1].nr_free, 8);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, 0);
}

/* The per-CPU lists on: pages parked there come back when memory runs out. */
static void buddy_exhaust_with_pcp(struct kunit *test)
{
	struct zone *zone = test_zone();
	struct page **pages = malloc(sizeof(*pages) * 1025);
	struct page *big;
	int n = 0, i;

	setup_simple_zone(1024);	/* a single order-10 block */
	zone_pcp_enable(zone);
	while ((pages[n] = alloc_pages(__GFP_NOWARN, 0)) != NULL)
		n++;
	KUNIT_EXPECT_EQ(test, n, 1024);
	KUNIT_EXPECT_EQ(test, nr_free_pages() + zone->per_cpu_pageset.count, 0);
	for (i = 0; i < n; i++)
		__free_pages(pages[i], 0);
	/* Everything is free, but some pages wait in the per-CPU lists... */
	KUNIT_EXPECT_EQ(test, nr_free_pages() + zone->per_cpu_pageset.count, 1024);
	KUNIT_EXPECT_GT(test, zone->per_cpu_pageset.count, 0);
	KUNIT_EXPECT_LT(test, zone->per_cpu_pageset.count, zone->per_cpu_pageset.high);
	KUNIT_EXPECT_EQ(test, zone->free_area[MAX_ORDER - 1].nr_free, 0);
	/* ...and an order-10 request drains them and succeeds. */
	big = alloc_pages(GFP_KERNEL, MAX_ORDER - 1);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, zone->per_cpu_pageset.count, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0);
	__free_pages(big, MAX_ORDER - 1);	/* order > 3 bypasses the lists */
	KUNIT_EXPECT_EQ(test, zone->free_area[MAX_ORDER - 1].nr_free, 1);
	zone_pcp_disable(zone);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 1024);
	free(pages);
}

/* Blocks are aligned to their order, never overlap, and __GFP_ZERO clears them. */
static void buddy_alignment_and_zeroing(struct kunit *test)
{
	unsigned char *owner = calloc(ARENA_PAGES, 1);
	struct page *blocks[600];
	unsigned int orders[600];
	int n = 0, i;
	unsigned long j;

	setup_simple_zone(ARENA_PAGES);
	memset(arena, 0x5a, ARENA_PAGES * PAGE_SIZE);
	for (i = 0; i < 600; i++) {
		unsigned int order = (i * 5) % 7;
		struct page *page = alloc_pages(__GFP_ZERO | __GFP_NOWARN, order);
		unsigned long pfn;
		unsigned char *mem;

		if (!page)
			continue;
		pfn = page_to_pfn(page);
		KUNIT_EXPECT_EQ(test, pfn % (1UL << order), 0);
		mem = page_address(page);
		for (j = 0; j < (1UL << order); j++) {
			KUNIT_EXPECT_EQ(test, owner[pfn + j], 0);
			owner[pfn + j] = 1;
		}
		for (j = 0; j < (PAGE_SIZE << order); j += 509)
			KUNIT_EXPECT_EQ(test, mem[j], 0);
		blocks[n] = page;
		orders[n++] = order;
	}
	KUNIT_EXPECT_GT(test, n, 100);
	for (i = 0; i < n; i++)
		__free_pages(blocks[i], orders[i]);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), ARENA_PAGES);
	free(owner);
}

/* ---- Zones that are not a power of two and have holes ---- */

static void buddy_odd_zone_with_holes(struct kunit *test)
{
	/* RAM 3..1000 and 1030..2100, with 1500..1502 reserved: a ragged zone. */
	const unsigned long ram[][2] = { { 3, 1000 }, { 1030, 2100 } };
	const unsigned long res[][2] = { { 1500, 1503 } };
	unsigned long expected = (1000 - 3) + (2100 - 1030) - 3;
	unsigned long before[MAX_ORDER], pfn;
	struct page *page;

	setup_zone(3, 2100, ram, 2, res, 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), expected);
	KUNIT_EXPECT_EQ(test, totalram_pages(), expected);
	/* Largest aligned blocks per free range: [3,1000) [1030,1500) [1503,2100). */
	expect_free_list(test, 0, (unsigned long[]){ 3, 1503 }, 2);
	expect_free_list(test, 8, (unsigned long[]){ 256, 512 }, 2);
	expect_free_list(test, 9, (unsigned long[]){ 1536 }, 1);
	expect_free_list(test, 1, (unsigned long[]){ 1030 }, 1);
	/* Holes and reserved pages stay reserved and out of the free lists. */
	for (pfn = 1000; pfn < 1030; pfn++)
		KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
	KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(1501)));
	KUNIT_EXPECT_FALSE(test, PageReserved(pfn_to_page(1503)));
	/* No block crosses a hole or the zone's edges. */
	snapshot_nr_free(before);
	while ((page = alloc_pages(__GFP_NOWARN, 0)) != NULL) {
		pfn = page_to_pfn(page);
		KUNIT_EXPECT_TRUE(test, (pfn >= 3 && pfn < 1000) ||
				  (pfn >= 1030 && pfn < 2100 && (pfn < 1500 || pfn >= 1503)));
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0);
	for (pfn = 3; pfn < 2100; pfn++) {
		page = pfn_to_page(pfn);
		if (!PageReserved(page))
			__free_pages(page, 0);
	}
	expect_nr_free(test, before);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), expected);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, 0);
}

/* ---- Misuse reports ---- */

static char captured[4096];

/* Call fn(arg) with stdout captured into `captured`. */
static void capture_stdout(void (*fn)(void *), void *arg)
{
	FILE *tmp = tmpfile();
	int saved;
	size_t len;

	fflush(stdout);
	saved = dup(1);
	dup2(fileno(tmp), 1);
	fn(arg);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(tmp);
	len = fread(captured, 1, sizeof(captured) - 1, tmp);
	captured[len] = '\0';
	fclose(tmp);
}

struct free_call {
	struct page *page;
	unsigned int order;
};

static void do_free(void *arg)
{
	struct free_call *call = arg;

	__free_pages(call->page, call->order);
}

/* Free @page with @order and expect exactly one report naming its pfn and @reason, and no state change. */
static void expect_bad_free(struct kunit *test, struct page *page, unsigned int order,
			    const char *reason)
{
	struct free_call call = { page, order };
	unsigned long reports = nr_bad_page_reports, before[MAX_ORDER];
	unsigned long flags = page->flags;
	int refcount = page->_refcount;
	char pfn_text[32];

	snapshot_nr_free(before);
	capture_stdout(do_free, &call);
	snprintf(pfn_text, sizeof(pfn_text), "pfn:%05lx ", page_to_pfn(page));
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	KUNIT_EXPECT_TRUE(test, strstr(captured, "BUG: Bad page state") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(captured, pfn_text) != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(captured, "flags:") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(captured, "order:") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(captured, reason) != NULL);
	if (!strstr(captured, reason))
		kunit_info(test, "report was: %s", captured);
	KUNIT_EXPECT_EQ(test, page->flags, flags);
	KUNIT_EXPECT_EQ(test, page->_refcount, refcount);
	expect_nr_free(test, before);
}

static void buddy_double_free_reported(struct kunit *test)
{
	struct page *page;
	int pcp;

	for (pcp = 0; pcp < 2; pcp++) {
		setup_simple_zone(64);
		if (pcp)
			zone_pcp_enable(test_zone());
		page = alloc_pages(GFP_KERNEL, 0);
		__free_pages(page, 0);
		expect_bad_free(test, page, 0, "double free");
		page = alloc_pages(GFP_KERNEL, 3);
		__free_pages(page, 3);
		expect_bad_free(test, page, 3, "double free");
		zone_pcp_disable(test_zone());
		KUNIT_EXPECT_EQ(test, nr_free_pages(), 64);
	}
}

static void buddy_free_never_allocated_reported(struct kunit *test)
{
	const unsigned long ram[][2] = { { 0, 64 } };
	const unsigned long res[][2] = { { 0, 4 } };
	struct page *page;

	setup_zone(0, 64, ram, 1, res, 1);
	/* A page inside a free block, a free block's head, a reserved page. */
	expect_bad_free(test, pfn_to_page(37), 0, "never allocated");
	expect_bad_free(test, pfn_to_page(32), 5, "never allocated");
	expect_bad_free(test, pfn_to_page(1), 0, "reserved");
	/* A tail page of an allocated block was never allocated on its own. */
	page = alloc_pages(GFP_KERNEL, 2);
	expect_bad_free(test, page + 1, 0, "never allocated");
	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 60);
}

static void buddy_wrong_order_reported(struct kunit *test)
{
	struct page *page;

	setup_simple_zone(64);
	page = alloc_pages(GFP_KERNEL, 2);
	expect_bad_free(test, page, 1, "different order");
	expect_bad_free(test, page, 3, "different order");
	expect_bad_free(test, page, 0, "different order");
	expect_bad_free(test, page, MAX_ORDER, "out of range");
	/* The refused frees left it allocated: the right free still works. */
	__free_pages(page, 2);
	page = alloc_pages(GFP_KERNEL, 0);
	expect_bad_free(test, page, 1, "different order");
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 64);
	KUNIT_EXPECT_EQ(test, test_zone()->free_area[6].nr_free, 1);
}

/* Failure returns NULL and changes nothing. */
static void buddy_failure_leaves_no_state(struct kunit *test)
{
	unsigned long before[MAX_ORDER];
	struct page *page;

	setup_simple_zone(48);		/* order 5 at 0 and order 4 at 32 */
	snapshot_nr_free(before);
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, 6));
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, MAX_ORDER));
	expect_nr_free(test, before);
	page = alloc_pages(GFP_KERNEL, 5);
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, 5));
	__free_pages(page, 5);
	expect_nr_free(test, before);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 48);
}

/* A shared page is freed only when its last reference goes. */
static void buddy_refcount(struct kunit *test)
{
	struct page *page;

	setup_simple_zone(16);
	page = alloc_pages(GFP_KERNEL, 0);
	get_page(page);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 15);
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 16);
	/* The address-based API. */
	KUNIT_EXPECT_EQ(test, get_zeroed_page(GFP_KERNEL) & (PAGE_SIZE - 1), 0);
	free_pages(__get_free_pages(GFP_KERNEL, 3), 3);
	free_pages(0, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 15);
}

/* ---- /proc/buddyinfo text ---- */

static void buddy_buddyinfo_format(struct kunit *test)
{
	char buf[256];
	struct seq_file m;

	setup_simple_zone(ARENA_PAGES);
	alloc_pages(GFP_KERNEL, 0);
	seq_init(&m, buf, sizeof(buf));
	buddyinfo_show(&m);
	KUNIT_EXPECT_STREQ(test, buf,
		"Node 0, zone   Normal      1      1      1      1      1      1      1      1      1      1      7 \n");
}

/* ---- memblock ---- */

static void buddy_memblock_regions(struct kunit *test)
{
	phys_addr_t a, b, start, end;
	unsigned long idx = 0;

	setup_simple_zone(16);
	memblock_reset();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_add(0x200000, 0x100000);	/* touches both: one region */
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, 1);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 0x300000);
	memblock_add(0x800000, 0x1000);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, 2);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0x801000);
	memblock_reserve(0x180000, 0x10000);
	memblock_reserve(0x170000, 0x20000);	/* overlaps: merged */
	KUNIT_EXPECT_EQ(test, memblock.reserved.cnt, 1);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x20000);
	KUNIT_EXPECT_TRUE(test, memblock_next_free_range(&idx, &start, &end));
	KUNIT_EXPECT_EQ(test, start, 0x100000);
	KUNIT_EXPECT_EQ(test, end, 0x170000);
	KUNIT_EXPECT_TRUE(test, memblock_next_free_range(&idx, &start, &end));
	KUNIT_EXPECT_EQ(test, start, 0x190000);
	KUNIT_EXPECT_EQ(test, end, 0x400000);
	KUNIT_EXPECT_TRUE(test, memblock_next_free_range(&idx, &start, &end));
	KUNIT_EXPECT_EQ(test, start, 0x800000);
	KUNIT_EXPECT_FALSE(test, memblock_next_free_range(&idx, &start, &end));
	/* Top-down, aligned, reserved, zeroed, and never twice. */
	memset(__va(0x3fe000), 0xff, 0x2000);
	a = memblock_alloc(0x2000, 0x2000);
	KUNIT_EXPECT_EQ(test, a, 0x3fe000);
	KUNIT_EXPECT_EQ(test, ((unsigned char *)__va(a))[0x1fff], 0);
	b = memblock_alloc(0x1000, 0x10000);
	KUNIT_EXPECT_EQ(test, b, 0x800000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(0x1000, 0x1000, 0, 0x190000), 0x16f000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(0x10000000, 0x1000, 0, ~0UL), 0);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x20000 + 0x2000 + 0x1000 + 0x1000);
}

/* BEGIN HIDDEN buddy */
/* ---- Randomized differential test against a bitmap model ---- */

#define MODEL_PAGES	4096UL
#define MAX_LIVE	2048

struct live_block {
	struct page *page;
	unsigned int order;
};

static u64 model_bits[MODEL_PAGES / 64];	/* bit set = page free in the model */

static u64 rng_state;

static u64 rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Are all 2^order pages at @pfn free in the model? */
static bool model_block_free(unsigned long pfn, unsigned int order)
{
	unsigned long n = 1UL << order, i;

	if (n < 64) {
		u64 mask = ((1ULL << n) - 1) << (pfn % 64);

		return (model_bits[pfn / 64] & mask) == mask;
	}
	for (i = pfn / 64; i < (pfn + n) / 64; i++)
		if (model_bits[i] != ~0ULL)
			return false;
	return true;
}

static void model_set(unsigned long pfn, unsigned int order, bool free)
{
	unsigned long i;

	for (i = pfn; i < pfn + (1UL << order); i++) {
		if (free)
			model_bits[i / 64] |= 1ULL << (i % 64);
		else
			model_bits[i / 64] &= ~(1ULL << (i % 64));
	}
}

/* Does the model have any aligned free block of @order? (a buddy allocator must then succeed) */
static bool model_has_free_block(unsigned int order)
{
	unsigned long pfn;

	for (pfn = 0; pfn < MODEL_PAGES; pfn += 1UL << order)
		if (model_block_free(pfn, order))
			return true;
	return false;
}

/*
 * Walk the zone's free lists and mem_map: every listed block is PageBuddy
 * with its order, aligned, inside the zone, disjoint from the others; no
 * other page is PageBuddy. Returns the number of problems found.
 */
static unsigned long zone_consistency_problems(void)
{
	static unsigned char covered[ARENA_PAGES];
	struct zone *zone = test_zone();
	unsigned long problems = 0, heads = 0, pfn, i;
	unsigned int order;
	struct page *page;

	memset(covered, 0, sizeof(covered));
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long n = 0;

		list_for_each_entry(page, &zone->free_area[order].free_list, buddy_list) {
			pfn = page_to_pfn(page);
			n++;
			if (!PageBuddy(page) || page->private != order || pfn % (1UL << order) ||
			    !zone_spans_pfn(zone, pfn) || !zone_spans_pfn(zone, pfn + (1UL << order) - 1)) {
				problems++;
				continue;
			}
			for (i = pfn; i < pfn + (1UL << order); i++)
				problems += covered[i]++ != 0;
		}
		problems += n != zone->free_area[order].nr_free;
		heads += n;
	}
	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++)
		heads -= PageBuddy(pfn_to_page(pfn)) ? 1 : 0;
	return problems + (heads != 0);
}

static void run_differential(struct kunit *test, u64 seed, long ops, bool pcp)
{
	static struct live_block live[MAX_LIVE];
	unsigned long model_free = MODEL_PAGES, failures = 0, mismatches = 0;
	int nr_live = 0;
	long op;

	setup_simple_zone(MODEL_PAGES);
	if (pcp)
		zone_pcp_enable(test_zone());
	memset(model_bits, 0xff, sizeof(model_bits));
	rng_state = seed;
	for (op = 0; op < ops && !mismatches; op++) {
		u64 r = rng_next();
		/* Alloc more often while few blocks are live, free more often when many are. */
		bool do_alloc = nr_live == 0 || (nr_live < MAX_LIVE &&
				(int)(r % MAX_LIVE) >= nr_live - MAX_LIVE / 4);

		if (do_alloc) {
			/* Orders skewed small: 0 half the time, then 1, 2, ... up to 10. */
			unsigned int order = __builtin_ctzll((r >> 16) | (1ULL << 10));
			struct page *page = alloc_pages(__GFP_NOWARN, order);
			unsigned long pfn;

			if (!page) {
				failures++;
				if (model_has_free_block(order))
					mismatches++;
				continue;
			}
			pfn = page_to_pfn(page);
			if (pfn % (1UL << order) || pfn + (1UL << order) > MODEL_PAGES ||
			    !model_block_free(pfn, order)) {
				mismatches++;	/* misaligned or overlapping a live block */
				continue;
			}
			model_set(pfn, order, false);
			model_free -= 1UL << order;
			*(unsigned long *)page_address(page) = pfn ^ seed;	/* ownership tag */
			live[nr_live].page = page;
			live[nr_live++].order = order;
		} else {
			int i = (int)((r >> 8) % nr_live);
			struct live_block b = live[i];
			unsigned long pfn = page_to_pfn(b.page);

			if (*(unsigned long *)page_address(b.page) != (pfn ^ seed))
				mismatches++;	/* someone else wrote into this block */
			live[i] = live[--nr_live];
			__free_pages(b.page, b.order);
			model_set(pfn, b.order, true);
			model_free += 1UL << b.order;
		}
		if (nr_free_pages() + test_zone()->per_cpu_pageset.count != model_free)
			mismatches++;
		if (op % 4096 == 0)
			mismatches += zone_consistency_problems();
	}
	KUNIT_EXPECT_EQ(test, mismatches, 0);
	KUNIT_EXPECT_GT(test, failures, 0);	/* the run did reach memory exhaustion */
	while (nr_live) {
		nr_live--;
		__free_pages(live[nr_live].page, live[nr_live].order);
	}
	zone_pcp_disable(test_zone());
	KUNIT_EXPECT_EQ(test, nr_free_pages(), MODEL_PAGES);
	KUNIT_EXPECT_EQ(test, zone_consistency_problems(), 0);
	KUNIT_EXPECT_EQ(test, test_zone()->free_area[MAX_ORDER - 1].nr_free, MODEL_PAGES >> (MAX_ORDER - 1));
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, 0);
	kunit_info(test, "seed 0x%llx: %ld ops, %lu allocation failures", (unsigned long long)seed,
		   ops, failures);
}

static void buddy_differential_random(struct kunit *test)
{
	static const u64 seeds[] = { 0x9e3779b97f4a7c15ULL, 0x1234567ULL, 0xdeadbeefcafeULL,
				     0x42ULL, 0x0badc0ffee0ddf00ULL };
	unsigned int i;

	/* 5 seeds x 250000 ops, alternately with and without the per-CPU lists. */
	for (i = 0; i < ARRAY_SIZE(seeds); i++)
		run_differential(test, seeds[i], 250000, i % 2);
}
/* END HIDDEN buddy */

static int buddy_test_init(struct kunit *test)
{
	nr_bad_page_reports = 0;
	return 0;
}

static struct kunit_case buddy_host_cases[] = {
	KUNIT_CASE(buddy_split_and_merge),
	KUNIT_CASE(buddy_no_merge_with_split_buddy),
	KUNIT_CASE(buddy_exhaust_then_free_all),
	KUNIT_CASE(buddy_exhaust_with_pcp),
	KUNIT_CASE(buddy_alignment_and_zeroing),
	KUNIT_CASE(buddy_odd_zone_with_holes),
	KUNIT_CASE(buddy_double_free_reported),
	KUNIT_CASE(buddy_free_never_allocated_reported),
	KUNIT_CASE(buddy_wrong_order_reported),
	KUNIT_CASE(buddy_failure_leaves_no_state),
	KUNIT_CASE(buddy_refcount),
	KUNIT_CASE(buddy_buddyinfo_format),
	KUNIT_CASE(buddy_memblock_regions),
	/* BEGIN HIDDEN buddy */
	KUNIT_CASE(buddy_differential_random),
	/* END HIDDEN buddy */
	{}
};

static struct kunit_suite buddy_host_suite = {
	.name = "buddy_host",
	.init = buddy_test_init,
	.test_cases = buddy_host_cases,
};
kunit_test_suite(buddy_host_suite);
