// SPDX-License-Identifier: MIT
/*
 * KTAP suites run at boot (ktest=buddy, ktest=direct_map):
 *   buddy       the buddy allocator on the real zone: exact splits and
 *               merges, exhaustion, misuse reports; each case leaves the
 *               free areas exactly as it found them;
 *   direct_map  the page tables init_64.c built: direct map of all RAM,
 *               kernel image permissions, the boot stack guard page.
 * The per-CPU lists are off during each buddy case so counts are exact.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/sections.h>

static struct zone *normal_zone(void)
{
	return &NODE_DATA(0)->node_zones[ZONE_NORMAL];
}

struct buddy_snapshot {
	unsigned long nr_free[MAX_ORDER];
	unsigned long reports;
};

static struct buddy_snapshot start_state;

static void take_snapshot(struct buddy_snapshot *s)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		s->nr_free[order] = normal_zone()->free_area[order].nr_free;
	s->reports = nr_bad_page_reports;
}

static void expect_same_free_areas(struct kunit *test, const struct buddy_snapshot *s)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		KUNIT_EXPECT_EQ(test, normal_zone()->free_area[order].nr_free, s->nr_free[order]);
}

static int buddy_case_init(struct kunit *test)
{
	zone_pcp_disable(normal_zone());
	take_snapshot(&start_state);
	return 0;
}

/* Every case must leave the allocator exactly as it found it. */
static void buddy_case_exit(struct kunit *test)
{
	expect_same_free_areas(test, &start_state);
	zone_pcp_enable(normal_zone());
}

/*
 * Blocks taken out of circulation by a test are chained through their
 * own memory: the first words of each block hold the next block and its order.
 */
struct held_block {
	struct held_block *next;
	unsigned int order;
};

static struct held_block *hold(struct held_block *list, struct page *page, unsigned int order)
{
	struct held_block *b = page_address(page);

	b->next = list;
	b->order = order;
	return b;
}

static void release_all(struct held_block *list)
{
	while (list) {
		struct held_block *next = list->next;

		__free_pages(virt_to_page(list), list->order);
		list = next;
	}
}

/* Each order: aligned, refcount 1, head page with the order, back to the same state when freed. */
static void buddy_alloc_each_order(struct kunit *test)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
		KUNIT_EXPECT_EQ(test, PageHead(page), order > 0);
		KUNIT_EXPECT_FALSE(test, PageBuddy(page));
		KUNIT_EXPECT_FALSE(test, PageReserved(page));
		__free_pages(page, order);
		expect_same_free_areas(test, &start_state);
	}
}

/*
 * Empty orders 0..9 by allocating their blocks, then watch an order-10
 * block split for an order-0 request and merge back when it is freed.
 */
static void buddy_split_and_merge(struct kunit *test)
{
	struct held_block *held = NULL;
	struct page *first, *second;
	unsigned long order10_before, pfn;
	unsigned int order;

	for (order = 0; order < MAX_ORDER - 1; order++)
		while (normal_zone()->free_area[order].nr_free)
			held = hold(held, alloc_pages(GFP_KERNEL, order), order);
	order10_before = normal_zone()->free_area[MAX_ORDER - 1].nr_free;
	KUNIT_ASSERT_TRUE(test, order10_before > 0);

	first = alloc_pages(GFP_KERNEL, 0);
	pfn = page_to_pfn(first);
	KUNIT_EXPECT_EQ(test, pfn % MAX_ORDER_NR_PAGES, 0);	/* the lower half is kept */
	for (order = 0; order < MAX_ORDER - 1; order++)
		KUNIT_EXPECT_EQ(test, normal_zone()->free_area[order].nr_free, 1);
	KUNIT_EXPECT_EQ(test, normal_zone()->free_area[MAX_ORDER - 1].nr_free, order10_before - 1);
	/* The order-1 split left pfn + 1 free at order 0: the next page is exactly it. */
	second = alloc_pages(GFP_KERNEL, 0);
	KUNIT_EXPECT_EQ(test, page_to_pfn(second), pfn + 1);
	KUNIT_EXPECT_EQ(test, normal_zone()->free_area[0].nr_free, 0);

	__free_pages(first, 0);
	KUNIT_EXPECT_EQ(test, normal_zone()->free_area[0].nr_free, 1);
	__free_pages(second, 0);	/* merges all the way up */
	for (order = 0; order < MAX_ORDER - 1; order++)
		KUNIT_EXPECT_EQ(test, normal_zone()->free_area[order].nr_free, 0);
	KUNIT_EXPECT_EQ(test, normal_zone()->free_area[MAX_ORDER - 1].nr_free, order10_before);
	KUNIT_EXPECT_TRUE(test, PageBuddy(pfn_to_page(pfn)));
	release_all(held);
}

/* Take every page, check the allocator is empty, give every page back. */
static void buddy_exhaust_then_free_all(struct kunit *test)
{
	unsigned long free_before = nr_free_pages(), taken = 0;
	struct held_block *held = NULL;
	struct page *page;
	char before[256], after[256];
	struct seq_file m;

	seq_init(&m, before, sizeof(before));
	buddyinfo_show(&m);
	while ((page = alloc_pages(__GFP_NOWARN, 0)) != NULL) {
		held = hold(held, page, 0);
		taken++;
	}
	KUNIT_EXPECT_EQ(test, taken, free_before);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0);
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, 0));
	release_all(held);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	seq_init(&m, after, sizeof(after));
	buddyinfo_show(&m);
	KUNIT_EXPECT_STREQ(test, after, before);
	kunit_info(test, "took and returned %lu pages", taken);
}

/* Each misuse is reported once and refused. */
static void buddy_misuse_reported(struct kunit *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct page *page;

	page = alloc_pages(GFP_KERNEL, 0);
	__free_pages(page, 0);
	kunit_expect_report(test, "BUG: Bad page state");
	__free_pages(page, 0);				/* double free */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);

	kunit_expect_report(test, "BUG: Bad page state");
	__free_pages(pfn_to_page(0), 0);		/* reserved, never allocated */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);

	page = alloc_pages(GFP_KERNEL, 2);
	kunit_expect_report(test, "BUG: Bad page state");
	__free_pages(page, 1);				/* wrong order: refused */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 3);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	kunit_expect_report(test, "BUG: Bad page state");
	__free_pages(page + 1, 0);			/* a tail page */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 4);
	__free_pages(page, 2);				/* the right free still works */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 4);
	KUNIT_EXPECT_NULL(test, alloc_pages(__GFP_NOWARN, MAX_ORDER));
}

/* __GFP_ZERO and the address-based calls. */
static void buddy_zeroed_pages(struct kunit *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2), i;
	unsigned char *p;

	KUNIT_ASSERT_TRUE(test, addr != 0);
	memset((void *)addr, 0xff, 4 * PAGE_SIZE);
	free_pages(addr, 2);
	p = page_address(alloc_pages(__GFP_ZERO, 2));
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		if (p[i])
			break;
	KUNIT_EXPECT_EQ(test, i, 4 * PAGE_SIZE);
	free_pages((unsigned long)p, 2);
	addr = get_zeroed_page(GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, *(unsigned long *)addr, 0);
	free_page(addr);
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(buddy_alloc_each_order),
	KUNIT_CASE(buddy_split_and_merge),
	KUNIT_CASE(buddy_exhaust_then_free_all),
	KUNIT_CASE(buddy_misuse_reported),
	KUNIT_CASE(buddy_zeroed_pages),
	{}
};

static struct kunit_suite buddy_suite = {
	.name = "buddy",
	.init = buddy_case_init,
	.exit = buddy_case_exit,
	.test_cases = buddy_cases,
};
kunit_test_suite(buddy_suite);

/* ---- direct_map: the page tables built by init_64.c ---- */

/* The leaf entry value mapping @va in swapper_pg_dir (pmd for a 2 MiB page), or 0. */
static unsigned long lookup_leaf(unsigned long va, bool *large)
{
	pgd_t *pgd = pgd_offset_pgd(swapper_pg_dir, va);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	*large = false;
	if (!pgd_present(*pgd))
		return 0;
	pud = pud_offset(pgd, va);
	if (!pud_present(*pud))
		return 0;
	pmd = pmd_offset(pud, va);
	if (!pmd_present(*pmd))
		return 0;
	if (pmd_large(*pmd)) {
		*large = true;
		return pmd_val(*pmd);
	}
	pte = pte_offset_kernel(pmd, va);
	return pte_val(*pte);
}

/* Every RAM page is mapped at __va with NX and RW, at the right frame; 2 MiB pages are used. */
static void direct_map_covers_ram(struct kunit *test)
{
	unsigned long i, large_pages = 0, bad = 0;
	unsigned char sink = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long pa;

		for (pa = PAGE_ALIGN(r->base); pa + PAGE_SIZE <= r->base + r->size; pa += PAGE_SIZE) {
			bool large;
			unsigned long e = lookup_leaf((unsigned long)__va(pa), &large);
			unsigned long frame = large ? (e & PTE_PFN_MASK) + (pa & ~PMD_MASK)
						    : (e & PTE_PFN_MASK);

			if (!(e & _PAGE_PRESENT) || !(e & _PAGE_RW) || !(e & _PAGE_NX) || frame != pa)
				bad++;
			if (large && IS_ALIGNED(pa, PMD_SIZE))
				large_pages++;
		}
		/* Touch the region's first and last byte through __va: a fault here is an oops. */
		sink += READ_ONCE(*(unsigned char *)__va(r->base));
		sink += READ_ONCE(*(unsigned char *)__va(r->base + r->size - 1));
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_GT(test, large_pages, 0);
	kunit_info(test, "%lu 2 MiB pages, checksum %u", large_pages, sink);
	KUNIT_EXPECT_PTR_EQ(test, page_address(pfn_to_page(max_pfn - 1)),
			    __va(PFN_PHYS(max_pfn - 1)));
	KUNIT_EXPECT_EQ(test, page_to_pfn(virt_to_page(__va(PFN_PHYS(max_pfn - 1)))), max_pfn - 1);
}

/* Text is read-only and executable, rodata read-only NX, data/bss writable NX; no identity map. */
static void direct_map_kernel_image_permissions(struct kunit *test)
{
	bool large;
	unsigned long text = lookup_leaf((unsigned long)_text, &large);
	unsigned long rodata = lookup_leaf((unsigned long)__start_rodata, &large);
	unsigned long data = lookup_leaf((unsigned long)_sdata, &large);
	unsigned long bss = lookup_leaf((unsigned long)__bss_start, &large);
	unsigned long guard = lookup_leaf((unsigned long)__boot_stack_guard, &large);

	KUNIT_EXPECT_TRUE(test, (text & _PAGE_PRESENT) && !(text & _PAGE_RW) && !(text & _PAGE_NX));
	KUNIT_EXPECT_TRUE(test, (rodata & _PAGE_PRESENT) && !(rodata & _PAGE_RW) && (rodata & _PAGE_NX));
	KUNIT_EXPECT_TRUE(test, (data & _PAGE_PRESENT) && (data & _PAGE_RW) && (data & _PAGE_NX));
	KUNIT_EXPECT_TRUE(test, (bss & _PAGE_PRESENT) && (bss & _PAGE_RW) && (bss & _PAGE_NX));
	KUNIT_EXPECT_FALSE(test, guard & _PAGE_PRESENT);
	KUNIT_EXPECT_EQ(test, text & PTE_PFN_MASK, __pa_symbol(_text));
	KUNIT_EXPECT_EQ(test, lookup_leaf(0x100000, &large), 0);	/* identity map gone */
	KUNIT_EXPECT_EQ(test, read_cr3() & PTE_PFN_MASK, __pa_symbol(swapper_pg_dir));
}

static struct kunit_case direct_map_cases[] = {
	KUNIT_CASE(direct_map_covers_ram),
	KUNIT_CASE(direct_map_kernel_image_permissions),
	{}
};

static struct kunit_suite direct_map_suite = {
	.name = "direct_map",
	.test_cases = direct_map_cases,
};
kunit_test_suite(direct_map_suite);
