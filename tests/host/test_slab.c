// SPDX-License-Identifier: MIT
/*
 * Host tests of the slab allocator (kernel/mm/slab.c) over the real buddy
 * allocator (kernel/mm/page_alloc.c) on a block of host memory, under
 * ASan and UBSan. The program runs the kernel's own suite `slab`
 * (kernel/mm/slab_test.c) and the suite `slab_host` here: a randomized
 * differential test against a model, with fixed seeds.
 *
 * As in the kernel test runs, slub_debug is on for the kmalloc caches.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include "host_mm.h"

#define HOST_MEMORY	(128UL << 20)

/* Before main() runs the suites: the allocators over host memory, slub_debug on. */
__attribute__((constructor)) static void slab_host_boot(void)
{
	setup_slub_debug("");
	host_mm_boot(HOST_MEMORY);
}

static unsigned long buddy_free_pages(void)
{
	drain_zone_pages(&contig_page_data.node_zones[ZONE_NORMAL]);
	return nr_free_pages();
}

/* Give the reserve empty slabs of every kmalloc cache back to the buddy allocator. */
static void shrink_kmalloc_caches(void)
{
	for (size_t size = 8; size <= KMALLOC_MAX_CACHE_SIZE; size *= 2)
		kmem_cache_shrink(kmalloc_slab(size));
	kmem_cache_shrink(kmalloc_slab(96));
	kmem_cache_shrink(kmalloc_slab(192));
}

/* xorshift64*: a small fixed-seed generator, the same sequence on every host. */
static u64 rng_state;

static u64 rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static unsigned long rng_below(unsigned long n)
{
	return rng_next() % n;
}

/* One live allocation of the model: where, how big, from which source, its fill byte seed. */
struct live_object {
	u8 *p;
	size_t size;
	int source;		/* index into sources[], or -1 for kmalloc */
	u32 tag;
};

/* The byte at @i of an object filled for @tag. */
static inline u8 fill_byte(u32 tag, size_t i)
{
	return (u8)(tag * 131 + i * 7 + (i >> 8));
}

static void fill_object(struct live_object *o)
{
	for (size_t i = 0; i < o->size; i++)
		o->p[i] = fill_byte(o->tag, i);
}

/* Is @o still exactly as filled? Reports the first difference. */
static bool object_intact(struct kunit *test, const struct live_object *o)
{
	for (size_t i = 0; i < o->size; i++) {
		if (o->p[i] != fill_byte(o->tag, i)) {
			kunit_info(test, "object %p size %zu tag %u: byte %zu is 0x%x, want 0x%x",
				   o->p, o->size, o->tag, i, o->p[i], fill_byte(o->tag, i));
			return false;
		}
	}
	return true;
}

/* A size for kmalloc: mostly small, every class, sometimes beyond kmalloc-8k. */
static size_t random_kmalloc_size(void)
{
	unsigned long r = rng_below(100);

	if (r < 50)
		return 1 + rng_below(128);
	if (r < 85)
		return 1 + rng_below(1024);
	if (r < 98)
		return 1 + rng_below(KMALLOC_MAX_CACHE_SIZE);
	return KMALLOC_MAX_CACHE_SIZE + 1 + rng_below(40000);
}

#define NR_SOURCES	6
#define MAX_LIVE	4000

struct source {
	struct kmem_cache *cache;
	unsigned int size, align;
	unsigned long live;	/* model's count of objects held */
};

/*
 * Run @ops random operations (alloc 50%, free 40%, krealloc 10%) and
 * check, against the model, that every live object keeps its contents,
 * alignment holds, counts agree, no debug report fires, and at the end,
 * after freeing everything, the buddy allocator has every page back.
 */
static void differential_run(struct kunit *test, u64 seed, unsigned long ops, bool debug)
{
	static struct live_object live[MAX_LIVE];
	static const unsigned int sizes[NR_SOURCES] = { 8, 24, 100, 256, 700, 3000 };
	static const unsigned int aligns[NR_SOURCES] = { 0, 8, 32, 256, 64, 0 };
	struct source sources[NR_SOURCES];
	unsigned long nr_live = 0, reports = slab_debug_reports();
	unsigned long start;
	u32 next_tag = 1;

	shrink_kmalloc_caches();
	start = buddy_free_pages();

	rng_state = seed;
	setup_slub_debug(debug ? "" : "-");
	for (int i = 0; i < NR_SOURCES; i++) {
		sources[i] = (struct source){ .size = sizes[i], .align = aligns[i] };
		sources[i].cache = kmem_cache_create("diff", sizes[i], aligns[i], 0, NULL);
		KUNIT_ASSERT_NOT_NULL(test, sources[i].cache);
	}
	setup_slub_debug("");

	for (unsigned long op = 0; op < ops; op++) {
		unsigned long r = rng_below(10);

		if (nr_live < MAX_LIVE && (r < 5 || nr_live == 0)) {
			struct live_object *o = &live[nr_live];
			int source = (int)rng_below(NR_SOURCES + 2) - 2;

			if (source < 0) {
				o->size = random_kmalloc_size();
				o->p = kmalloc(o->size, GFP_KERNEL);
				source = -1;
			} else {
				o->size = sources[source].size;
				o->p = kmem_cache_alloc(sources[source].cache, GFP_KERNEL);
				sources[source].live++;
				KUNIT_ASSERT_TRUE(test, IS_ALIGNED((unsigned long)o->p,
						  max(8u, sources[source].align)));
			}
			KUNIT_ASSERT_NOT_NULL(test, o->p);
			KUNIT_ASSERT_TRUE(test, IS_ALIGNED((unsigned long)o->p, 8));
			KUNIT_ASSERT_TRUE(test, ksize(o->p) >= o->size);
			o->source = source;
			o->tag = next_tag++;
			fill_object(o);
			nr_live++;
		} else if (r < 9) {
			unsigned long i = rng_below(nr_live);
			struct live_object *o = &live[i];

			KUNIT_ASSERT_TRUE(test, object_intact(test, o));
			if (o->source < 0) {
				kfree(o->p);
			} else {
				kmem_cache_free(sources[o->source].cache, o->p);
				sources[o->source].live--;
			}
			live[i] = live[--nr_live];
		} else {
			unsigned long i = rng_below(nr_live);
			struct live_object *o = &live[i];
			size_t new_size;
			u8 *p;

			if (o->source >= 0)
				continue;
			KUNIT_ASSERT_TRUE(test, object_intact(test, o));
			new_size = random_kmalloc_size();
			p = krealloc(o->p, new_size, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, p);
			o->p = p;
			o->size = min(o->size, new_size);
			KUNIT_ASSERT_TRUE(test, object_intact(test, o));
			o->size = new_size;
			fill_object(o);
		}
		if (op % 65536 == 0) {
			for (unsigned long j = 0; j < nr_live; j++)
				KUNIT_ASSERT_TRUE(test, object_intact(test, &live[j]));
			for (int s = 0; s < NR_SOURCES; s++)
				KUNIT_ASSERT_EQ(test, kmem_cache_active_objects(sources[s].cache),
						sources[s].live);
		}
	}
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports);
	while (nr_live) {
		struct live_object *o = &live[--nr_live];

		KUNIT_ASSERT_TRUE(test, object_intact(test, o));
		if (o->source < 0)
			kfree(o->p);
		else
			kmem_cache_free(sources[o->source].cache, o->p);
	}
	for (int s = 0; s < NR_SOURCES; s++) {
		KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(sources[s].cache), 0);
		kmem_cache_destroy(sources[s].cache);
	}
	shrink_kmalloc_caches();
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), start);
}

static void differential_debug_seed1(struct kunit *test)
{
	differential_run(test, 0x9e3779b97f4a7c15ULL, 500000, true);
}

static void differential_plain_seed2(struct kunit *test)
{
	differential_run(test, 0xd1b54a32d192ed03ULL, 600000, false);
}

/* BEGIN HIDDEN slab */
static void differential_plain_seed3(struct kunit *test)
{
	differential_run(test, 0x8cb92ba72f3d8dd7ULL, 300000, false);
}
/* END HIDDEN slab */

/*
 * A cache made from scratch with slub_debug off has the plain layout:
 * no red zones, free pointer inside the object, no metadata.
 */
static void plain_layout(struct kunit *test)
{
	struct kmem_cache *s;

	setup_slub_debug("-");
	s = kmem_cache_create("plain", 64, 0, 0, NULL);
	setup_slub_debug("");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->size, 64);
	KUNIT_EXPECT_EQ(test, s->red_left_pad, 0);
	KUNIT_EXPECT_EQ(test, s->objects, 64);
	KUNIT_EXPECT_EQ(test, s->order, 0);
	kmem_cache_destroy(s);
	/* Only the letters asked for. */
	setup_slub_debug("Z");
	s = kmem_cache_create("zone-only", 64, 0, 0, NULL);
	setup_slub_debug("");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->flags & SLAB_DEBUG_FLAGS, SLAB_RED_ZONE);
	kmem_cache_destroy(s);
}

/* Slab orders keep the waste per slab at most 1/8 where an order up to 3 allows. */
static void order_waste_bound(struct kunit *test)
{
	setup_slub_debug("-");
	for (unsigned int size = 8; size <= 8192; size += 8) {
		struct kmem_cache *s = kmem_cache_create("waste", size, 0, 0, NULL);
		unsigned long bytes;

		KUNIT_ASSERT_NOT_NULL(test, s);
		bytes = PAGE_SIZE << s->order;
		KUNIT_EXPECT_GE(test, s->objects, 1);
		KUNIT_EXPECT_LE(test, (bytes - s->objects * s->size) * 8, bytes);
		kmem_cache_destroy(s);
	}
	setup_slub_debug("");
}

static void count_ctor(void *object)
{
	memset(object, 0x42, 1);
}

/*
 * Correct use never triggers a report, whatever the debug letters, object
 * size (tiny ones included) and constructor: each layout keeps the free
 * pointer and the metadata out of the object's bytes and red zones.
 */
static void debug_combinations_quiet(struct kunit *test)
{
	static const char *const letters[] = {
		"-", "F", "Z", "P", "U", "FZ", "FP", "FU", "ZP", "ZU", "PU",
		"FZP", "FZU", "FPU", "ZPU", "FZPU",
	};
	static const unsigned int sizes[] = { 1, 2, 7, 8, 9, 15, 16, 17, 24, 33, 100, 4000 };
	unsigned long reports = slab_debug_reports();
	void *objects[40];

	for (unsigned int l = 0; l < ARRAY_SIZE(letters); l++) {
		for (unsigned int z = 0; z < ARRAY_SIZE(sizes); z++) {
			for (int with_ctor = 0; with_ctor < 2; with_ctor++) {
				struct kmem_cache *s;

				setup_slub_debug((char *)letters[l]);
				s = kmem_cache_create("combo", sizes[z], 0, 0,
						      with_ctor ? count_ctor : NULL);
				setup_slub_debug("");
				KUNIT_ASSERT_NOT_NULL(test, s);
				for (int round = 0; round < 3; round++) {
					for (int i = 0; i < 40; i++) {
						objects[i] = kmem_cache_alloc(s, GFP_KERNEL);
						KUNIT_ASSERT_NOT_NULL(test, objects[i]);
						memset(objects[i], i, sizes[z]);
					}
					for (int i = 0; i < 40; i++)
						kmem_cache_free(s, objects[(i * 7) % 40]);
				}
				kmem_cache_destroy(s);
				if (slab_debug_reports() != reports)
					kunit_info(test, "letters %s size %u ctor %d: \"%s\"",
						   letters[l], sizes[z], with_ctor,
						   slab_last_report());
				KUNIT_ASSERT_EQ(test, slab_debug_reports(), reports);
			}
		}
	}
}

static struct kunit_case slab_host_cases[] = {
	KUNIT_CASE(debug_combinations_quiet),
	KUNIT_CASE(plain_layout),
	KUNIT_CASE(order_waste_bound),
	KUNIT_CASE(differential_debug_seed1),
	KUNIT_CASE(differential_plain_seed2),
	/* BEGIN HIDDEN slab */
	KUNIT_CASE(differential_plain_seed3),
	/* END HIDDEN slab */
	{}
};

static struct kunit_suite slab_host_suite = {
	.name = "slab_host",
	.test_cases = slab_host_cases,
};
kunit_test_suite(slab_host_suite);
