// SPDX-License-Identifier: MIT
/*
 * KUnit suite `slab` for the slab allocator (kernel/mm/slab.c): size
 * classes, alignment, constructors, reuse order, destroy with live
 * objects, empty slabs going back to the buddy allocator, the debug checks
 * firing on deliberate bugs, and /proc/slabinfo. Runs at boot with
 * ktest=slab and in the host test program build/host/test_slab.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/string.h>
#include <linux/seq_file.h>
#include <linux/kernel.h>

/* Free pages in the buddy allocator, per-CPU lists drained so the count is exact. */
static unsigned long buddy_free_pages(void)
{
	drain_zone_pages(&contig_page_data.node_zones[ZONE_NORMAL]);
	return nr_free_pages();
}

/* Are all @n bytes at @p equal to @c? */
static bool all_bytes(const void *p, int c, size_t n)
{
	const u8 *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != (u8)c)
			return false;
	return true;
}

/* The kmalloc class name for @size (kmalloc-8 .. kmalloc-8k). */
static unsigned int expected_class(size_t size)
{
	static const unsigned int classes[] = {
		8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i])
			return classes[i];
	return 0;
}

static void kmalloc_every_size_class(struct kunit *test)
{
	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		unsigned int class = expected_class(size);
		struct kmem_cache *s = kmalloc_slab(size);
		char name[24];
		u8 *p;

		if (class >= 1024)
			snprintf(name, sizeof(name), "kmalloc-%uk", class / 1024);
		else
			snprintf(name, sizeof(name), "kmalloc-%u", class);
		KUNIT_ASSERT_NOT_NULL(test, s);
		KUNIT_ASSERT_EQ(test, kunit_strcmp(s->name, name), 0);
		/* Every size near a boundary, and a sample in between. */
		if (size > 256 && size % 61 != 0 && size != class && size != class / 2 + 1)
			continue;
		p = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, ksize(p), class);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 8));
		if ((class & (class - 1)) == 0)
			KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, min(class, 4096u)));
		memset(p, 0x3c, size);
		kfree(p);
	}
	KUNIT_EXPECT_NULL(test, kmalloc_slab(KMALLOC_MAX_CACHE_SIZE + 1));
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
}

static void kmalloc_large_uses_pages(struct kunit *test)
{
	static const size_t sizes[] = { KMALLOC_MAX_CACHE_SIZE + 1, 16384, 65536, 200000 };
	unsigned long before = buddy_free_pages();

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		struct page *page;

		KUNIT_ASSERT_NOT_NULL(test, p);
		page = virt_to_page(p);
		KUNIT_EXPECT_TRUE(test, PageHead(page));
		KUNIT_EXPECT_FALSE(test, PageSlab(page));
		KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
		KUNIT_EXPECT_GE(test, ksize(p), sizes[i]);
		KUNIT_EXPECT_LT(test, ksize(p), 2 * sizes[i] + PAGE_SIZE);
		memset(p, 0x77, sizes[i]);
		kfree(p);
	}
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), before);
	KUNIT_EXPECT_NULL(test, kmalloc(1UL << 40, GFP_KERNEL | __GFP_NOWARN));
}

static void kzalloc_kcalloc_krealloc(struct kunit *test)
{
	u8 *p, *q;

	p = kmalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xee, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_bytes(p, 0, 200));
	kfree(p);

	p = kzalloc(20000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_bytes(p, 0, 20000));
	kfree(p);

	p = kcalloc(10, 30, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 512);
	KUNIT_EXPECT_TRUE(test, all_bytes(p, 0, 300));
	kfree(p);
	KUNIT_EXPECT_NULL(test, kcalloc(ULONG_MAX / 2, 4, GFP_KERNEL));

	/* Growth through slab classes into pages and back keeps the contents. */
	p = krealloc(NULL, 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (int i = 0; i < 10; i++)
		p[i] = i;
	q = krealloc(p, 16, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, p);	/* kmalloc-16 already holds 16 */
	p = krealloc(q, 3000, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 4096);
	for (int i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, p[i], i);
	KUNIT_EXPECT_TRUE(test, all_bytes(p + 16, 0, 3000 - 16));
	memset(p + 10, 0x11, 3000 - 10);
	q = krealloc(p, 50000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, PageHead(virt_to_page(q)));
	for (int i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, q[i], i);
	KUNIT_EXPECT_TRUE(test, all_bytes(q + 10, 0x11, 3000 - 10));
	KUNIT_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void cache_alignment(struct kunit *test)
{
	static const unsigned int aligns[] = { 0, 8, 16, 64, 128, 256, 512, 4096 };
	static const unsigned int sizes[] = { 1, 24, 100, 256, 1000 };

	for (unsigned int a = 0; a < ARRAY_SIZE(aligns); a++) {
		for (unsigned int z = 0; z < ARRAY_SIZE(sizes); z++) {
			struct kmem_cache *s = kmem_cache_create("align-test", sizes[z],
								 aligns[a], 0, NULL);
			void *objects[40];
			unsigned int want = max(aligns[a], 8u);

			KUNIT_ASSERT_NOT_NULL(test, s);
			for (int i = 0; i < 40; i++) {
				objects[i] = kmem_cache_alloc(s, GFP_KERNEL);
				KUNIT_ASSERT_NOT_NULL(test, objects[i]);
				KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objects[i], want));
				memset(objects[i], i, sizes[z]);
			}
			for (int i = 0; i < 40; i++) {
				KUNIT_EXPECT_TRUE(test, all_bytes(objects[i], i, sizes[z]));
				kmem_cache_free(s, objects[i]);
			}
			kmem_cache_destroy(s);
		}
	}
}

static void maple_node_aligned(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("maple_node", 256, 256, SLAB_PANIC, NULL);
	void *objects[100];

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(s), 256);
	for (int i = 0; i < 100; i++) {
		objects[i] = kmem_cache_zalloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objects[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objects[i], 256));
		KUNIT_EXPECT_TRUE(test, all_bytes(objects[i], 0, 256));
	}
	for (int i = 0; i < 100; i++)
		kmem_cache_free(s, objects[i]);
	kmem_cache_destroy(s);
}

static void hwcache_align(struct kunit *test)
{
	struct kmem_cache *big = kmem_cache_create("hw-big", 72, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *small = kmem_cache_create("hw-small", 20, 0, SLAB_HWCACHE_ALIGN, NULL);

	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_EQ(test, big->align, 64);
	KUNIT_EXPECT_EQ(test, small->align, 32);	/* halved while the object fits twice */
	kmem_cache_destroy(big);
	kmem_cache_destroy(small);
}

struct ctor_object {
	unsigned long magic;
	unsigned long uses;
};

static unsigned long ctor_calls;

static void ctor_object_init(void *p)
{
	struct ctor_object *o = p;

	o->magic = 0xc0ffee;
	o->uses = 0;
	ctor_calls++;
}

static void constructor_runs_once_per_object(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("ctor-test", sizeof(struct ctor_object), 0,
						 0, ctor_object_init);
	struct ctor_object *o[10];

	KUNIT_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	for (int i = 0; i < 10; i++) {
		o[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, o[i]);
		KUNIT_EXPECT_EQ(test, o[i]->magic, 0xc0ffee);
		o[i]->uses++;
	}
	/* One slab made: the constructor ran for each of its objects, no more. */
	KUNIT_EXPECT_EQ(test, ctor_calls, s->objects);
	for (int i = 0; i < 10; i++)
		kmem_cache_free(s, o[i]);
	/* Objects come back in their constructed (and since used) state, no new ctor call. */
	for (int i = 0; i < 10; i++) {
		o[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_EXPECT_EQ(test, o[i]->magic, 0xc0ffee);
		KUNIT_EXPECT_EQ(test, o[i]->uses, 1);
	}
	KUNIT_EXPECT_EQ(test, ctor_calls, s->objects);
	for (int i = 0; i < 10; i++)
		kmem_cache_free(s, o[i]);
	kmem_cache_destroy(s);
}

static void reuse_is_last_in_first_out(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("reuse-test", 48, 0, 0, NULL);
	void *a, *b, *c;

	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	/* A new slab hands out its objects in address order. */
	KUNIT_EXPECT_PTR_EQ(test, b, (char *)a + s->size);
	KUNIT_EXPECT_PTR_EQ(test, c, (char *)b + s->size);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), c);
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), b);
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);
}

static void destroy_with_live_objects_reports(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 40, 0, 0, NULL);
	unsigned long reports = slab_debug_reports();
	void *objects[3];

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (int i = 0; i < 3; i++)
		objects[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 3);
	kunit_expect_report(test, "BUG leaky: Objects remaining in leaky on __kmem_cache_shutdown()");
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(),
			   "BUG leaky: Objects remaining in leaky on __kmem_cache_shutdown()");
	/* The cache is still there and works. */
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 3);
	for (int i = 0; i < 3; i++)
		kmem_cache_free(s, objects[i]);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
}

static void empty_slabs_go_back_to_buddy(struct kunit *test)
{
	enum { N = 3000 };
	static void *objects[N];
	struct kmem_cache *s = kmem_cache_create("empty-test", 200, 0, 0, NULL);
	unsigned long start, peak;

	KUNIT_ASSERT_NOT_NULL(test, s);
	start = buddy_free_pages();
	for (int i = 0; i < N; i++) {
		objects[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objects[i]);
	}
	peak = buddy_free_pages();
	KUNIT_EXPECT_GE(test, start - peak, N / (PAGE_SIZE / 200));
	KUNIT_EXPECT_EQ(test, start - peak, s->nr_slabs << s->order);
	for (int i = 0; i < N; i++)
		kmem_cache_free(s, objects[i]);
	/*
	 * All went back already but the reserve of one empty slab on the
	 * free list and the (empty) current slab, first on the partial list.
	 */
	KUNIT_EXPECT_EQ(test, s->nr_slabs, 2);
	KUNIT_EXPECT_EQ(test, s->nr_free_slabs, 1);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), start - (2UL << s->order));
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, s->nr_slabs, 0);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), start);
	kmem_cache_destroy(s);
}

static void kmalloc_slabs_go_back_to_buddy(struct kunit *test)
{
	enum { N = 2000 };
	static void *objects[N];
	struct kmem_cache *s = kmalloc_slab(1000);
	unsigned long start;

	kmem_cache_shrink(s);
	start = buddy_free_pages();
	for (int i = 0; i < N; i++) {
		objects[i] = kmalloc(1000, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objects[i]);
	}
	/* At least the 1 KiB slots themselves were taken from the buddy allocator. */
	KUNIT_EXPECT_LE(test, buddy_free_pages(), start - N * 1024 / PAGE_SIZE);
	for (int i = N - 1; i >= 0; i--)
		kfree(objects[i]);
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), start);
}

/* A cache with all debugging on, whatever slub_debug says. */
static struct kmem_cache *debug_cache(struct kunit *test, const char *name, unsigned int size)
{
	struct kmem_cache *s = kmem_cache_create(name, size, 0, SLAB_DEBUG_FLAGS, NULL);

	KUNIT_EXPECT_NOT_NULL(test, s);
	return s;
}

static void debug_double_free(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "dbg-double", 64);
	unsigned long reports = slab_debug_reports();
	void *a, *b, *c;

	if (!s)
		return;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kunit_expect_report(test, "BUG dbg-double: Object already free");
	kmem_cache_free(s, a);		/* not the freelist head: found by the walk */
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG dbg-double: Object already free");
	/* The refused free left the freelist sound: two different objects come back. */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, b != c);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 2);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);
}

static void debug_invalid_pointer(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "dbg-pointer", 64);
	unsigned long reports = slab_debug_reports();
	char *a;
	char expected[96];

	if (!s)
		return;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	kunit_expect_report(test, "BUG dbg-pointer: Invalid object pointer 0x");
	kmem_cache_free(s, a + 8);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	snprintf(expected, sizeof(expected), "BUG dbg-pointer: Invalid object pointer 0x%lx",
		 (unsigned long)(a + 8));
	KUNIT_EXPECT_STREQ(test, slab_last_report(), expected);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 1);
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
}

static void debug_right_redzone(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "dbg-right", 60);
	unsigned long reports = slab_debug_reports();
	char *a, *b, *others[16];

	if (!s)
		return;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	a[60] = 'x';			/* one byte past the end */
	kmem_cache_free(s, b);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports);
	kunit_expect_report(test, "BUG dbg-right: Right Redzone overwritten");
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG dbg-right: Right Redzone overwritten");
	/* The object was not freed, and is never handed out again. */
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	for (int i = 0; i < 16; i++) {
		others[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_EXPECT_TRUE(test, others[i] != a);
	}
	for (int i = 0; i < 16; i++)
		kmem_cache_free(s, others[i]);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	kmem_cache_destroy(s);		/* the withheld object does not count as live */
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
}

static void debug_left_redzone(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "dbg-left", 32);
	unsigned long reports = slab_debug_reports();
	char *a;

	if (!s)
		return;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	a[-1] = 'x';
	kunit_expect_report(test, "BUG dbg-left: Left Redzone overwritten");
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG dbg-left: Left Redzone overwritten");
	kmem_cache_destroy(s);
}

static void debug_write_after_free(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "dbg-poison", 128);
	unsigned long reports = slab_debug_reports();
	u8 *a, *b;

	if (!s)
		return;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, a[0], POISON_FREE);
	KUNIT_EXPECT_EQ(test, a[127], POISON_END);
	a[50] = 0;			/* use after free */
	kunit_expect_report(test, "BUG dbg-poison: Poison overwritten");
	b = kmem_cache_alloc(s, GFP_KERNEL);	/* would be a (LIFO), but a is damaged */
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG dbg-poison: Poison overwritten");
	KUNIT_EXPECT_TRUE(test, b != a);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 1);
	kmem_cache_free(s, b);
	KUNIT_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	kmem_cache_destroy(s);
}

/* kmalloc-64 under slub_debug, named as in Linux's reports. */
static void debug_kmalloc_reports(struct kunit *test)
{
	struct kmem_cache *s = kmalloc_slab(64);
	unsigned long reports = slab_debug_reports();
	char *a;

	if (!(s->flags & SLAB_CONSISTENCY_CHECKS) || !(s->flags & SLAB_RED_ZONE)) {
		kunit_skip(test, "kmalloc caches without slub_debug");
		return;
	}
	a = kmalloc(64, GFP_KERNEL);
	kfree(a);
	kunit_expect_report(test, "BUG kmalloc-64: Object already free");
	kfree(a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG kmalloc-64: Object already free");
	a = kmalloc(50, GFP_KERNEL);
	kunit_expect_report(test, "BUG kmalloc-64: Right Redzone overwritten");
	a[64] = 1;
	kfree(a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 2);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG kmalloc-64: Right Redzone overwritten");
}

static void nondebug_double_free_of_head(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("plain-double", 32, 0, 0, NULL);
	unsigned long reports = slab_debug_reports();
	void *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	kunit_expect_report(test, "BUG plain-double: Object already free");
	kmem_cache_free(s, a);
	KUNIT_EXPECT_EQ(test, slab_debug_reports(), reports + 1);
	KUNIT_EXPECT_STREQ(test, slab_last_report(), "BUG plain-double: Object already free");
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, a != b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

static void slabinfo_format(struct kunit *test)
{
	static char buf[8192];
	static const char header[] = "slabinfo - version: 2.1\n"
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n";
	struct kmem_cache *s = kmem_cache_create("slabinfo-test", 100, 0, 0, NULL);
	struct seq_file m;
	char line[160];
	void *objects[3];

	KUNIT_ASSERT_NOT_NULL(test, s);
	for (int i = 0; i < 3; i++)
		objects[i] = kmem_cache_alloc(s, GFP_KERNEL);
	seq_init(&m, buf, sizeof(buf));
	slabinfo_show(&m);
	KUNIT_EXPECT_FALSE(test, seq_has_overflowed(&m));
	KUNIT_EXPECT_EQ(test, strncmp(buf, header, sizeof(header) - 1), 0);
	/* Linux's cache_show columns, with this cache's known figures. */
	snprintf(line, sizeof(line), "\n%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u"
		 " : slabdata %6lu %6lu %6lu\n", "slabinfo-test", 3UL,
		 (unsigned long)s->objects, s->size, s->objects, 1 << s->order, 0, 0, 0,
		 1UL, 1UL, 0UL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, line));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nslabinfo-test          3 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nkmalloc-8k "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nkmem_cache "));
	for (int i = 0; i < 3; i++)
		kmem_cache_free(s, objects[i]);
	kmem_cache_destroy(s);
}

static void bad_create_parameters(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmem_cache_create("zero", 0, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("odd-align", 64, 24, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("huge", 1U << 30, 0, 0, NULL));
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(kmalloc_every_size_class),
	KUNIT_CASE(kmalloc_large_uses_pages),
	KUNIT_CASE(kzalloc_kcalloc_krealloc),
	KUNIT_CASE(cache_alignment),
	KUNIT_CASE(maple_node_aligned),
	KUNIT_CASE(hwcache_align),
	KUNIT_CASE(constructor_runs_once_per_object),
	KUNIT_CASE(reuse_is_last_in_first_out),
	KUNIT_CASE(destroy_with_live_objects_reports),
	KUNIT_CASE(empty_slabs_go_back_to_buddy),
	KUNIT_CASE(kmalloc_slabs_go_back_to_buddy),
	KUNIT_CASE(debug_double_free),
	KUNIT_CASE(debug_invalid_pointer),
	KUNIT_CASE(debug_right_redzone),
	KUNIT_CASE(debug_left_redzone),
	KUNIT_CASE(debug_write_after_free),
	KUNIT_CASE(debug_kmalloc_reports),
	KUNIT_CASE(nondebug_double_free_of_head),
	KUNIT_CASE(slabinfo_format),
	KUNIT_CASE(bad_create_parameters),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
