// SPDX-License-Identifier: MIT
/*
 * Host suite "maple_host" for kernel/mm/maple_tree.c (the kernel suite
 * "maple" is linked in too): edge cases, a randomized differential test
 * against a sorted array of ranges (>= 10^6 operations over several seeds
 * and sizes up to 10^5 ranges, mt_validate along the way), allocation
 * failures injected at every allocation point, and node leak counts.
 */
#include <stdlib.h>
#include <string.h>
#include <kunit/test.h>
#include <linux/maple_tree.h>
#include <linux/errno.h>
#include <linux/gfp.h>

/* From tests/host/maple_slab_shim.c. */
extern long maple_shim_live;
extern unsigned long maple_shim_allocs;
void maple_shim_fail_nth(unsigned long n, bool and_after);

#define E(n)	((void *)(((unsigned long)(n) << 4) | 8))

/* ---- The reference: a sorted array of non-overlapping non-NULL ranges ---- */

struct ref {
	unsigned long *start, *last;
	void **entry;
	size_t n, cap;
};

static void ref_init(struct ref *r)
{
	memset(r, 0, sizeof(*r));
}

static void ref_free(struct ref *r)
{
	free(r->start);
	free(r->last);
	free(r->entry);
	ref_init(r);
}

/* The first range ending at or after @x (r->n if none). */
static size_t ref_lower(const struct ref *r, unsigned long x)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->last[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void ref_store(struct ref *r, unsigned long a, unsigned long b, void *e)
{
	size_t i = ref_lower(r, a), j = i, k = 0;
	unsigned long ns[3], nl[3];
	void *ne[3];

	while (j < r->n && r->start[j] <= b)
		j++;
	if (i < j && r->start[i] < a) {
		ns[k] = r->start[i]; nl[k] = a - 1; ne[k++] = r->entry[i];
	}
	if (e) {
		ns[k] = a; nl[k] = b; ne[k++] = e;
	}
	if (i < j && r->last[j - 1] > b) {
		ns[k] = b + 1; nl[k] = r->last[j - 1]; ne[k++] = r->entry[j - 1];
	}
	if (r->n - (j - i) + k > r->cap || !r->cap) {
		r->cap = r->cap ? r->cap * 2 : 1024;
		r->start = realloc(r->start, r->cap * sizeof(*r->start));
		r->last = realloc(r->last, r->cap * sizeof(*r->last));
		r->entry = realloc(r->entry, r->cap * sizeof(*r->entry));
	}
	memmove(&r->start[i + k], &r->start[j], (r->n - j) * sizeof(*r->start));
	memmove(&r->last[i + k], &r->last[j], (r->n - j) * sizeof(*r->last));
	memmove(&r->entry[i + k], &r->entry[j], (r->n - j) * sizeof(*r->entry));
	memcpy(&r->start[i], ns, k * sizeof(*ns));
	memcpy(&r->last[i], nl, k * sizeof(*nl));
	memcpy(&r->entry[i], ne, k * sizeof(*ne));
	r->n = r->n - (j - i) + k;
}

/* BEGIN HIDDEN maple */
/* The range holding @x: an entry (returned, *i its position) or a gap. */
static void *ref_walk(const struct ref *r, unsigned long x, unsigned long *lo,
		      unsigned long *hi, size_t *pos)
{
	size_t i = ref_lower(r, x);

	*pos = i;
	if (i < r->n && r->start[i] <= x) {
		*lo = r->start[i];
		*hi = r->last[i];
		return r->entry[i];
	}
	*lo = i ? r->last[i - 1] + 1 : 0;
	*hi = i < r->n ? r->start[i] - 1 : ULONG_MAX;
	return NULL;
}

/* Free ranges in order (or reverse); the first holding a window, as mas_empty_area*. */
static int ref_gap(const struct ref *r, unsigned long min, unsigned long max,
		   unsigned long size, bool rev, unsigned long *index, unsigned long *last)
{
	size_t g, gaps = r->n + 1;

	if (min > max || !size || max - min < size - 1)
		return -EINVAL;
	for (g = 0; g < gaps; g++) {
		size_t i = rev ? gaps - 1 - g : g;	/* gap before range i */
		unsigned long s, e, lo, hi;

		if (i == 0 && r->n && r->start[0] == 0)
			continue;
		if (i == r->n && r->n && r->last[r->n - 1] == ULONG_MAX)
			continue;
		s = i ? r->last[i - 1] + 1 : 0;
		e = i < r->n ? r->start[i] - 1 : ULONG_MAX;
		if (s > e)
			continue;
		lo = s > min ? s : min;
		hi = e < max ? e : max;
		if (lo > hi || hi - lo < size - 1)
			continue;
		*index = rev ? hi - size + 1 : lo;
		*last = rev ? hi : lo + size - 1;
		return 0;
	}
	return -EBUSY;
}
/* END HIDDEN maple */

/* Does the tree hold exactly the reference's ranges? Reports the first difference. */
static bool tree_matches(struct kunit *test, struct maple_tree *mt, const struct ref *r)
{
	MA_STATE(mas, mt, 0, 0);
	size_t i = 0;
	void *entry;

	mas_for_each(&mas, entry, ULONG_MAX) {
		if (i >= r->n || entry != r->entry[i] || mas.index != r->start[i] ||
		    mas.last != r->last[i]) {
			kunit_fail(test, __FILE__, __LINE__, "tree_matches",
				   "range %zu: tree [%lu, %lu] %p, reference [%lu, %lu] %p", i,
				   mas.index, mas.last, entry, i < r->n ? r->start[i] : 0,
				   i < r->n ? r->last[i] : 0, i < r->n ? r->entry[i] : NULL);
			return false;
		}
		i++;
		if (mas.last == ULONG_MAX)
			break;
	}
	if (i != r->n) {
		kunit_fail(test, __FILE__, __LINE__, "tree_matches", "tree has %zu ranges, reference %zu",
			   i, r->n);
		return false;
	}
	return true;
}

/* Maximal ranges, NULL gaps included: what the leaves hold. */
static size_t ref_slots(const struct ref *r)
{
	size_t s = r->n, i;

	if (!r->n)
		return 1;
	s += r->start[0] != 0;
	s += r->last[r->n - 1] != ULONG_MAX;
	for (i = 1; i < r->n; i++)
		s += r->start[i] != r->last[i - 1] + 1;
	return s;
}

/* Node count and height stay within their B-tree bounds (see maple_tree.h). */
static void check_bounds(struct kunit *test, struct maple_tree *mt, const struct ref *r,
			 long base_live)
{
	size_t slots = ref_slots(r), bound = 1;
	long nodes = maple_shim_live - base_live;
	unsigned int height = mt_height(mt), h_bound = 2;

	while (bound < slots) {
		bound *= 3;
		h_bound++;
	}
	if (!r->n) {
		KUNIT_EXPECT_EQ(test, nodes, 0);
		return;
	}
	/* Non-root leaves hold >= 6 slots, internal nodes >= 3 children. */
	KUNIT_EXPECT_LE(test, nodes, (long)(slots / 4 + 2 * height + 1));
	KUNIT_EXPECT_LE(test, height, h_bound);
}

static unsigned long rng_state;
/* BEGIN HIDDEN maple */
static const char *diff_what;	/* the operation being compared, for failure reports */
static unsigned long diff_x, diff_y;
/* END HIDDEN maple */

static unsigned long rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717UL;
}

/* ---- Unit tests ------------------------------------------------------------ */

static void maple_host_whole_space(struct kunit *test)
{
	DEFINE_MTREE(mt);
	MA_STATE(mas, &mt, 0, ULONG_MAX);
	long live = maple_shim_live;

	KUNIT_EXPECT_NULL(test, mas_store(&mas, E(1)));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 0), E(1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, ULONG_MAX), E(1));
	mas_set(&mas, 12345);
	KUNIT_EXPECT_PTR_EQ(test, mas_walk(&mas), E(1));
	KUNIT_EXPECT_EQ(test, mas.index, 0);
	KUNIT_EXPECT_EQ(test, mas.last, ULONG_MAX);
	/* mas_store returns what was at mas->index. */
	mas_set_range(&mas, 5, 5);
	KUNIT_EXPECT_PTR_EQ(test, mas_store(&mas, E(2)), E(1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 4), E(1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 6), E(1));
	mas_set_range(&mas, 0, ULONG_MAX);
	KUNIT_EXPECT_PTR_EQ(test, mas_store(&mas, NULL), E(1));
	KUNIT_EXPECT_TRUE(test, mtree_empty(&mt));
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
	/* Iterating an empty tree. */
	mas_set(&mas, 0);
	KUNIT_EXPECT_NULL(test, mas_find(&mas, ULONG_MAX));
	mas_set(&mas, 10);
	KUNIT_EXPECT_NULL(test, mas_prev(&mas, 0));
	KUNIT_EXPECT_NULL(test, mas_next(&mas, ULONG_MAX));
	KUNIT_EXPECT_NULL(test, mas_find_rev(&mas, 0));
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, ULONG_MAX), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 0);
	KUNIT_EXPECT_EQ(test, mas.last, ULONG_MAX - 1);
	/* Edges: the last index, the first index, iteration ending at ULONG_MAX. */
	mtree_store_range(&mt, ULONG_MAX - 9, ULONG_MAX, E(3), GFP_KERNEL);
	mtree_store_range(&mt, 0, 9, E(4), GFP_KERNEL);
	mas_set(&mas, ULONG_MAX);
	KUNIT_EXPECT_PTR_EQ(test, mas_find(&mas, ULONG_MAX), E(3));
	KUNIT_EXPECT_NULL(test, mas_find(&mas, ULONG_MAX));
	KUNIT_EXPECT_PTR_EQ(test, mas_prev(&mas, 0), E(4));
	KUNIT_EXPECT_EQ(test, mas.index, 0);
	KUNIT_EXPECT_NULL(test, mas_prev(&mas, 0));
	mas_set(&mas, 0);
	KUNIT_EXPECT_PTR_EQ(test, mas_find(&mas, ULONG_MAX), E(4));
	KUNIT_EXPECT_PTR_EQ(test, mas_find(&mas, ULONG_MAX), E(3));
	KUNIT_EXPECT_EQ(test, mas.last, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 0, ULONG_MAX, 100), 0);
	KUNIT_EXPECT_EQ(test, mas.last, ULONG_MAX - 10);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, 100), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 10);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, ULONG_MAX - 19), 0);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, ULONG_MAX - 18), -EBUSY);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/* One store over thousands of entries in many nodes, then NULL over half the tree. */
static void maple_host_spanning(struct kunit *test)
{
	struct maple_tree mt;
	struct ref r;
	long live = maple_shim_live, before;
	unsigned long i;

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	ref_init(&r);
	for (i = 0; i < 20000; i++) {
		mtree_store_range(&mt, 10 * i, 10 * i + 6, E(i + 1), GFP_KERNEL);
		ref_store(&r, 10 * i, 10 * i + 6, E(i + 1));
	}
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	before = maple_shim_live;
	mtree_store_range(&mt, 1003, 150004, E(99999), GFP_KERNEL);
	ref_store(&r, 1003, 150004, E(99999));
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
	KUNIT_EXPECT_LT(test, maple_shim_live, before);
	check_bounds(test, &mt, &r, live);
	mtree_store_range(&mt, 50, 199999 - 55, NULL, GFP_KERNEL);
	ref_store(&r, 50, 199999 - 55, NULL);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
	check_bounds(test, &mt, &r, live);
	KUNIT_EXPECT_LE(test, mt_height(&mt), 2);
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
	ref_free(&r);
}

/* Destroying big trees of both kinds leaves no node behind. */
static void maple_host_destroy_large(struct kunit *test)
{
	long live = maple_shim_live;
	int kind;

	for (kind = 0; kind < 2; kind++) {
		struct maple_tree mt;
		unsigned long i;

		mt_init_flags(&mt, kind ? MT_FLAGS_ALLOC_RANGE : 0);
		for (i = 0; i < 200000; i++)
			mtree_store_range(&mt, 3 * i, 3 * i + 1, E(i + 1), GFP_KERNEL);
		KUNIT_EXPECT_GT(test, maple_shim_live - live, 200000 / 16);
		KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
		__mt_destroy(&mt);
		KUNIT_EXPECT_EQ(test, maple_shim_live, live);
		KUNIT_EXPECT_EQ(test, mt.ma_flags, 0);
	}
}

/* mas_pause() in the middle of an iteration, then carry on. */
static void maple_host_pause(struct kunit *test)
{
	DEFINE_MTREE(mt);
	MA_STATE(mas, &mt, 0, 0);
	unsigned long i, count = 0;
	void *entry;

	for (i = 0; i < 100; i++)
		mtree_store_range(&mt, 4 * i, 4 * i + 2, E(i), GFP_KERNEL);
	mas_for_each(&mas, entry, ULONG_MAX) {
		KUNIT_EXPECT_PTR_EQ(test, entry, E(count));
		count++;
		if (count % 7 == 0)
			mas_pause(&mas);
	}
	KUNIT_EXPECT_EQ(test, count, 100);
	/* Erase while iterating, as exit_mmap-style loops do. */
	mas_set(&mas, 0);
	mas_for_each(&mas, entry, ULONG_MAX)
		KUNIT_EXPECT_PTR_EQ(test, mas_erase(&mas), entry);
	KUNIT_EXPECT_TRUE(test, mtree_empty(&mt));
}

/* ---- Allocation failures ------------------------------------------------------ */

/*
 * Store [a, b] = e failing the 1st, 2nd, ... allocation until the store
 * succeeds; after each failure the tree must be exactly as before.
 * Returns how many failures were injected.
 */
static int store_with_failures(struct kunit *test, struct maple_tree *mt, struct ref *r,
			       unsigned long a, unsigned long b, void *e)
{
	int failures = 0;
	unsigned long n;

	for (n = 1; ; n++) {
		MA_STATE(mas, mt, a, b);
		long live = maple_shim_live;
		int ret;

		maple_shim_fail_nth(n, false);
		ret = mas_store_gfp(&mas, e, GFP_KERNEL);
		maple_shim_fail_nth(0, false);
		if (ret == 0)
			break;
		KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
		KUNIT_EXPECT_TRUE(test, mas_is_err(&mas));
		KUNIT_EXPECT_EQ(test, maple_shim_live, live);
		KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
		if (test->failed || !tree_matches(test, mt, r) || mt_validate(mt)) {
			kunit_fail(test, __FILE__, __LINE__, "store_with_failures",
				   "tree changed by a failed store of [%lu, %lu] (failure %lu)", a, b, n);
			return failures;
		}
		failures++;
	}
	ref_store(r, a, b, e);
	return failures;
}

static void maple_host_alloc_failures(struct kunit *test)
{
	long live = maple_shim_live;
	unsigned long i, failures = 0;
	int kind;

	rng_state = 77;
	for (kind = 0; kind < 2; kind++) {
		struct maple_tree mt;
		struct ref r;

		mt_init_flags(&mt, kind ? MT_FLAGS_ALLOC_RANGE : 0);
		ref_init(&r);
		/* Growing from empty: root splits, new levels. */
		for (i = 0; i < 3000; i++)
			failures += store_with_failures(test, &mt, &r, 8 * i, 8 * i + 4, E(i + 1));
		/* Random stores, erases, overwrites and spans. */
		for (i = 0; i < 3000 && !test->failed; i++) {
			unsigned long a = rnd() % 30000, len = rnd() % 8 ? rnd() % 12 : rnd() % 3000;
			void *e = rnd() % 3 ? E(10000 + i) : NULL;

			failures += store_with_failures(test, &mt, &r, a, a + len, e);
		}
		KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
		KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);

		/* mas_preallocate fails cleanly; mas_store_prealloc then allocates nothing. */
		for (i = 1; i <= 3 * mt_height(&mt) + 5; i++) {
			MA_STATE(mas, &mt, 5, 5);
			long before = maple_shim_live;

			maple_shim_fail_nth(i, false);
			if (mas_preallocate(&mas, E(1), GFP_KERNEL)) {
				KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
				KUNIT_EXPECT_EQ(test, maple_shim_live, before);
			} else {
				mas_destroy(&mas);
			}
			maple_shim_fail_nth(0, false);
		}
		for (i = 0; i < 2000; i++) {
			unsigned long a = rnd() % 30000, len = rnd() % 8 ? rnd() % 12 : rnd() % 3000;
			void *e = rnd() % 3 ? E(20000 + i) : NULL;
			MA_STATE(mas, &mt, a, a + len);
			unsigned long allocs;

			KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, e, GFP_KERNEL), 0);
			allocs = maple_shim_allocs;
			maple_shim_fail_nth(1, true);	/* any allocation now would fail */
			mas_store_prealloc(&mas, e);
			maple_shim_fail_nth(0, false);
			KUNIT_EXPECT_EQ(test, maple_shim_allocs, allocs);
			KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
			ref_store(&r, a, a + len, e);
		}
		KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
		KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);

		/* mas_store and mas_erase under failure: error state, tree unchanged. */
		for (i = 0; i < 200; i++) {
			unsigned long a = rnd() % 30000;
			MA_STATE(mas, &mt, a, a + rnd() % 5000);
			void *entry;

			maple_shim_fail_nth(1, true);
			mas_store(&mas, E(1));
			if (mas_is_err(&mas))
				KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
			else
				ref_store(&r, mas.index, mas.last, E(1));
			mas_set(&mas, a);
			entry = mas_erase(&mas);
			maple_shim_fail_nth(0, false);
			if (mas_is_err(&mas)) {
				KUNIT_EXPECT_TRUE(test, entry != NULL);
				KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
			} else if (entry) {
				ref_store(&r, mas.index, mas.last, NULL);
			}
		}
		KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
		KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
		mtree_destroy(&mt);
		ref_free(&r);
	}
	KUNIT_EXPECT_GT(test, failures, 1000);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/* BEGIN HIDDEN maple */
/* ---- The differential test ------------------------------------------------------ */

struct diff_config {
	unsigned long seed;
	unsigned long target;	/* ranges to keep the tree around */
	unsigned long keys;	/* size of the index window used */
	unsigned long ops;
	bool high;		/* window at the top of the index space */
	unsigned int flags;
	unsigned long check_every;
};

/* One random read and compare: load, walk, find, prev, find_rev, mt_find, gaps. */
static bool diff_read(struct kunit *test, struct maple_tree *mt, const struct ref *r,
		      unsigned long base, unsigned long keys)
{
	unsigned long x = base + rnd() % keys, y = base + rnd() % keys, lo, hi;
	unsigned long gi, gl;
	MA_STATE(mas, mt, x, x);
	size_t pos;
	void *entry, *want;
	int step, ret, want_ret;

	diff_x = x;
	diff_y = y;
	switch (rnd() % 8) {
	case 0:
		diff_what = "mtree_load";
		return mtree_load(mt, x) == ref_walk(r, x, &lo, &hi, &pos);
	case 1:
		diff_what = "mas_walk";
		want = ref_walk(r, x, &lo, &hi, &pos);
		entry = mas_walk(&mas);
		return entry == want && mas.index == lo && mas.last == hi;
	case 2:	/* mas_find up to y, then continue a few times */
		diff_what = "mas_find";
		if (y < x)
			return mas_find(&mas, y) == NULL;
		pos = ref_lower(r, x);
		for (step = 0; step < 4; step++, pos++) {
			entry = mas_find(&mas, y);
			/* An empty tree reports 0..ULONG_MAX (Linux's mas_walk). */
			if (!r->n)
				return !entry && mas.index == 0 && mas.last == ULONG_MAX;
			if (pos >= r->n || r->start[pos] > y)
				return !entry && mas.index == y && mas.last == y;
			if (entry != r->entry[pos] || mas.index != r->start[pos] ||
			    mas.last != r->last[pos])
				return false;
		}
		return true;
	case 3:	/* mas_prev down to y, then again */
		diff_what = "mas_prev";
		ref_walk(r, x, &lo, &hi, &pos);
		if (!x)
			return mas_prev(&mas, y) == NULL;
		for (step = 0; step < 3; step++) {
			entry = mas_prev(&mas, y);
			if (!pos || lo < y || !lo || r->last[pos - 1] < y)
				return !entry;
			pos--;
			if (entry != r->entry[pos] || mas.index != r->start[pos] ||
			    mas.last != r->last[pos])
				return false;
			lo = r->start[pos];
		}
		return true;
	case 4:	/* mas_find_rev down to y */
		diff_what = "mas_find_rev";
		if (x < y)
			return mas_find_rev(&mas, y) == NULL;
		want = ref_walk(r, x, &lo, &hi, &pos);
		if (want)
			pos++;
		for (step = 0; step < 3; step++) {
			entry = mas_find_rev(&mas, y);
			if (!pos || r->last[pos - 1] < y)
				return !entry;
			pos--;
			if (entry != r->entry[pos] || mas.index != r->start[pos] ||
			    mas.last != r->last[pos])
				return false;
		}
		return true;
	case 5:	/* mt_find */
		diff_what = "mt_find";
		lo = x;
		entry = mt_find(mt, &lo, y);
		pos = ref_lower(r, x);
		if (y < x || pos >= r->n || r->start[pos] > y)
			return !entry && lo == x;
		return entry == r->entry[pos] && lo == r->last[pos] + 1;
	default: {	/* gap searches, both ways */
		bool rev = rnd() % 2;
		unsigned long size = 1 + rnd() % (rnd() % 4 ? 8 : 200);

		if (x > y) {
			lo = x; x = y; y = lo;
		}
		if (rnd() % 4 == 0)
			y = ULONG_MAX;
		if (rnd() % 4 == 0)
			x = 0;
		diff_what = rev ? "mas_empty_area_rev" : "mas_empty_area";
		diff_x = x;
		diff_y = y;
		want_ret = ref_gap(r, x, y, size, rev, &gi, &gl);
		ret = rev ? mas_empty_area_rev(&mas, x, y, size) : mas_empty_area(&mas, x, y, size);
		if (ret != want_ret)
			return false;
		return ret || (mas.index == gi && mas.last == gl);
	}
	}
}

/* One random write, applied to both: mas_store_gfp, mas_store, insert, erase, prealloc. */
static bool diff_write(struct kunit *test, struct maple_tree *mt, struct ref *r,
		       const struct diff_config *c, unsigned long op)
{
	unsigned long a = (c->high ? ULONG_MAX - c->keys + 1 : 0) + rnd() % c->keys;
	unsigned long len = rnd() % 16 ? rnd() % 24 : rnd() % 2000;
	unsigned long lo, hi, b;
	bool grow = r->n < c->target;
	void *e = rnd() % 10 < (grow ? 8u : 4u) ? E(op) : NULL;
	size_t pos;
	void *want;

	b = a + len < a ? ULONG_MAX : a + len;
	diff_what = "store";
	diff_x = a;
	diff_y = b;
	switch (rnd() % 6) {
	case 0: {
		MA_STATE(mas, mt, a, b);

		want = ref_walk(r, a, &lo, &hi, &pos);
		if (mas_store(&mas, e) != want)
			return false;
		mas_destroy(&mas);
		break;
	}
	case 1: {
		MA_STATE(mas, mt, a, b);

		if (mas_preallocate(&mas, e, GFP_KERNEL))
			return false;
		mas_store_prealloc(&mas, e);
		break;
	}
	case 2: {
		pos = ref_lower(r, a);
		bool overlap = pos < r->n && r->start[pos] <= b;
		int ret = mtree_insert_range(mt, a, b, E(op), GFP_KERNEL);

		if (ret != (overlap ? -EEXIST : 0))
			return false;
		if (!overlap)
			ref_store(r, a, b, E(op));
		return true;
	}
	case 3:
		want = ref_walk(r, a, &lo, &hi, &pos);
		if (mtree_erase(mt, a) != want)
			return false;
		if (want)
			ref_store(r, lo, hi, NULL);
		return true;
	default: {
		MA_STATE(mas, mt, a, b);

		if (mas_store_gfp(&mas, e, GFP_KERNEL))
			return false;
		break;
	}
	}
	ref_store(r, a, b, e);
	return true;
}

static void run_differential(struct kunit *test, const struct diff_config *c)
{
	struct maple_tree mt;
	struct ref r;
	unsigned long base = c->high ? ULONG_MAX - c->keys + 1 : 0, op, i;
	long live = maple_shim_live;
	size_t most = 0;

	rng_state = c->seed * 0x9E3779B97F4A7C15UL + 1;
	mt_init_flags(&mt, c->flags);
	ref_init(&r);
	/* Big trees are filled by appends first (also a path of their own). */
	for (i = 0; c->target >= 10000 && r.n < c->target; i++) {
		unsigned long a = base + i * (c->keys / c->target);

		if (mtree_store_range(&mt, a, a + 2, E(i + 1), GFP_KERNEL))
			break;
		ref_store(&r, a, a + 2, E(i + 1));
	}
	for (op = 1; op <= c->ops; op++) {
		bool ok = rnd() % 2 ? diff_write(test, &mt, &r, c, op)
				    : diff_read(test, &mt, &r, base, c->keys);

		if (!ok) {
			kunit_fail(test, __FILE__, __LINE__, "run_differential",
				   "seed %lu op %lu: tree and reference disagree on %s (%lu, %lu)",
				   c->seed, op, diff_what, diff_x, diff_y);
			break;
		}
		if (r.n > most)
			most = r.n;
		if (op % c->check_every == 0) {
			if (mt_validate(&mt) || !tree_matches(test, &mt, &r)) {
				kunit_fail(test, __FILE__, __LINE__, "run_differential",
					   "seed %lu op %lu: invalid tree", c->seed, op);
				break;
			}
			check_bounds(test, &mt, &r, live);
			if (test->failed)
				break;
		}
	}
	kunit_info(test, "seed %lu: %lu ops, up to %zu ranges, %zu at the end, height %u, %ld nodes",
		   c->seed, op - 1, most, r.n, mt_height(&mt), maple_shim_live - live);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	KUNIT_EXPECT_TRUE(test, tree_matches(test, &mt, &r));
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
	ref_free(&r);
}

static void maple_host_differential(struct kunit *test)
{
	static const struct diff_config configs[] = {
		{ 1, 40, 800, 160000, false, 0, 500 },
		{ 2, 40, 800, 150000, true, MT_FLAGS_ALLOC_RANGE, 500 },
		{ 3, 1000, 30000, 250000, false, MT_FLAGS_ALLOC_RANGE, 2000 },
		{ 4, 1000, 30000, 150000, true, 0, 2000 },
		{ 5, 10000, 300000, 250000, false, MT_FLAGS_ALLOC_RANGE, 10000 },
		{ 6, 100000, 3000000, 70000, false, MT_FLAGS_ALLOC_RANGE, 20000 },
	};
	unsigned long total = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(configs) && !test->failed; i++) {
		run_differential(test, &configs[i]);
		total += configs[i].ops;
	}
	KUNIT_EXPECT_GE(test, total, 1000000);
}
/* END HIDDEN maple */

/* ---- The write fast paths against the rebuild ---------------------------------- */

/* Are two subtrees the same, node for node: type, pivots, leaf entries, gaps? */
static bool same_node(unsigned long a, unsigned long b)
{
	struct maple_node *na = (struct maple_node *)(a & ~MAPLE_NODE_MASK);
	struct maple_node *nb = (struct maple_node *)(b & ~MAPLE_NODE_MASK);
	enum maple_type type = (a >> 3) & 0xF;
	int i;

	if (type != ((b >> 3) & 0xF))
		return false;
	if (type == maple_arange_64) {
		struct maple_arange_64 *x = &na->ma64, *y = &nb->ma64;

		if (memcmp(x->pivot, y->pivot, sizeof(x->pivot)) ||
		    memcmp(x->gap, y->gap, sizeof(x->gap)) || x->meta.end != y->meta.end ||
		    x->meta.gap != y->meta.gap)
			return false;
		for (i = 0; i < MAPLE_ARANGE64_SLOTS; i++)
			if (!x->slot[i] != !y->slot[i] ||
			    (x->slot[i] && !same_node((unsigned long)x->slot[i],
						      (unsigned long)y->slot[i])))
				return false;
		return true;
	}
	if (memcmp(na->mr64.pivot, nb->mr64.pivot, sizeof(na->mr64.pivot)))
		return false;
	for (i = 0; i < MAPLE_RANGE64_SLOTS; i++) {
		void *x = na->mr64.slot[i], *y = nb->mr64.slot[i];

		if (type == maple_leaf_64 ? x != y
		    : !x != !y || (x && !same_node((unsigned long)x, (unsigned long)y)))
			return false;
	}
	return true;
}

static bool same_tree(struct maple_tree *a, struct maple_tree *b)
{
	if (mt_height(a) != mt_height(b) || !a->ma_root != !b->ma_root)
		return false;
	return !a->ma_root || same_node((unsigned long)a->ma_root, (unsigned long)b->ma_root);
}

/* Store [first, last] = entry in @mt; which path did it take? */
static enum maple_wr_path store_path(struct maple_tree *mt, unsigned long first,
				     unsigned long last, void *entry)
{
	unsigned long before[MAPLE_WR_NR_PATHS];
	MA_STATE(mas, mt, first, last);
	int i;

	memcpy(before, mt_wr_path_count, sizeof(before));
	if (mas_store_gfp(&mas, entry, GFP_KERNEL))
		return MAPLE_WR_NR_PATHS;
	for (i = 0; i < MAPLE_WR_NR_PATHS; i++)
		if (mt_wr_path_count[i] != before[i])
			return i;
	return MAPLE_WR_NR_PATHS;
}

/* Each fast path is taken where Linux's mas_wr_modify takes it, and allocates nothing. */
static void maple_host_fast_path_choice(struct kunit *test)
{
	struct maple_tree mt;
	long live = maple_shim_live;
	unsigned long i, allocs;
	void *vma = E(7);
	MA_STATE(mas, &mt, 0, 0);

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	/* A process: text, data, heap, stack; one leaf. */
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x400000, 0x400fff, E(1)), MAPLE_WR_ROOT_EXPAND);
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x401000, 0x401fff, E(2)), MAPLE_WR_APPEND);
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x402000, 0x402fff, vma), MAPLE_WR_APPEND);
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x7ffffffde000, 0x7fffffffefff, E(3)),
			MAPLE_WR_APPEND);
	/* brk grows the heap into the gap above it: only a boundary moves, nothing reserved. */
	mas_set_range(&mas, 0x402000, 0x404fff);
	KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, vma, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
	allocs = maple_shim_allocs;
	mas_store_prealloc(&mas, vma);
	KUNIT_EXPECT_EQ(test, maple_shim_allocs, allocs);
	KUNIT_EXPECT_EQ(test, mt_wr_path_count[MAPLE_WR_SLOT_STORE] > 0, true);
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x402000, 0x407fff, vma), MAPLE_WR_SLOT_STORE);
	/* brk shrinks it: the boundary moves back. */
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x405000, 0x407fff, NULL), MAPLE_WR_SLOT_STORE);
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 0x404fff), vma);
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 0x405000));
	/* The same range, another entry (mprotect of a whole VMA). */
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x401000, 0x401fff, E(4)), MAPLE_WR_EXACT_FIT);
	/* A new range inside a gap, in the middle of the leaf (mmap). */
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x10000000, 0x10000fff, E(5)), MAPLE_WR_NODE_STORE);
	/* munmap of it: the NULL joins the gaps on both sides. */
	KUNIT_EXPECT_EQ(test, store_path(&mt, 0x10000000, 0x10000fff, NULL), MAPLE_WR_NODE_STORE);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	/* Filling the leaf: appends until it is full, then the rebuild splits it. */
	for (i = 0; i < 16; i++) {
		enum maple_wr_path path = store_path(&mt, 0x800000000000UL + 0x2000 * i,
						     0x800000000000UL + 0x2000 * i + 0xfff, E(10 + i));

		if (path == MAPLE_WR_REBUILD)
			break;
		KUNIT_EXPECT_EQ(test, path, MAPLE_WR_APPEND);
	}
	KUNIT_EXPECT_LT(test, i, 16);
	KUNIT_EXPECT_EQ(test, mt_height(&mt), 2);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/* After a store into both trees: are both valid and the same? Dumps them and fails if not. */
static bool same_after_store(struct kunit *test, struct maple_tree *fast, struct maple_tree *slow,
			     unsigned int flags, unsigned long op, unsigned long a,
			     unsigned long b, void *e)
{
	if (!mt_validate(fast) && !mt_validate(slow) && same_tree(fast, slow))
		return true;
	kunit_fail(test, __FILE__, __LINE__, "fast and slow trees",
		   "flags %u op %lu: store [%lu, %lu] %p: trees differ or invalid",
		   flags, op, a, b, e);
	mt_dump(fast, mt_dump_dec);
	mt_dump(slow, mt_dump_dec);
	return false;
}

/*
 * Erase every entry of two equal trees in random order, the fast paths on
 * in @fast and off in @slow, comparing them after each erase: the leaves
 * left short merge with their neighbours (the rebalance in place against
 * the rebuild) until both are empty. Counts the paths taken into @taken.
 */
static void erase_all_differential(struct kunit *test, struct maple_tree *fast,
				   struct maple_tree *slow, unsigned int flags,
				   unsigned long *taken)
{
	unsigned long n = 0, i, *starts, before[MAPLE_WR_NR_PATHS];
	MA_STATE(mas, fast, 0, 0);
	void *entry;
	int p;

	mas_for_each(&mas, entry, ULONG_MAX)
		n++;
	starts = malloc((n ? n : 1) * sizeof(*starts));
	KUNIT_ASSERT_NOT_NULL(test, starts);
	n = 0;
	mas_set(&mas, 0);
	mas_for_each(&mas, entry, ULONG_MAX)
		starts[n++] = mas.index;
	for (i = n; i > 1; i--) {
		unsigned long j = rnd() % i, t = starts[i - 1];

		starts[i - 1] = starts[j];
		starts[j] = t;
	}
	for (i = 0; i < n && !test->failed; i++) {
		void *ret_fast, *ret_slow;

		memcpy(before, mt_wr_path_count, sizeof(before));
		ret_fast = mtree_erase(fast, starts[i]);
		mt_wr_fast_paths = false;
		ret_slow = mtree_erase(slow, starts[i]);
		mt_wr_fast_paths = true;
		for (p = 0; p < MAPLE_WR_NR_PATHS; p++)
			taken[p] += mt_wr_path_count[p] - before[p];
		KUNIT_EXPECT_PTR_EQ(test, ret_fast, ret_slow);
		if (!same_after_store(test, fast, slow, flags, i, starts[i], starts[i], NULL))
			break;
	}
	KUNIT_EXPECT_NULL(test, fast->ma_root);
	free(starts);
}

/*
 * The same random stores into two trees, one with the fast paths and one
 * through the rebuild only: after every store both are valid and the same
 * node for node, and every fast path was taken many times.
 */
static void maple_host_fast_paths_differential(struct kunit *test)
{
	static const unsigned int flags[] = { 0, MT_FLAGS_ALLOC_RANGE };
	unsigned long taken[MAPLE_WR_NR_PATHS] = { 0 };
	long live = maple_shim_live;
	unsigned int k;
	int p;

	rng_state = 1919;
	for (k = 0; k < ARRAY_SIZE(flags) && !test->failed; k++) {
		struct maple_tree fast, slow;
		unsigned long op, top = 0, keys = k ? 20000 : 3000;

		mt_init_flags(&fast, flags[k]);
		mt_init_flags(&slow, flags[k]);
		for (op = 0; op < 60000 && !test->failed; op++) {
			unsigned long before[MAPLE_WR_NR_PATHS], a, b, kind = rnd() % 8;
			void *e = rnd() % 3 ? E(op + 1) : NULL;
			void *ret_fast, *ret_slow;

			if (kind == 0) {		/* append after the last range */
				a = top + rnd() % 3;
				b = a + rnd() % 4;
				e = E(op + 1);
			} else if (kind == 1 && top) {	/* move the end of the last range (brk) */
				MA_STATE(m, &fast, top - 1, top - 1);

				e = mas_walk(&m);
				a = m.index;
				b = m.last;
				if (e && rnd() % 2) {
					b += 1 + rnd() % 4;
				} else if (e && b > a) {
					a = b - rnd() % (b - a);
					e = NULL;
				}
			} else {
				a = rnd() % keys;
				b = a + (rnd() % 8 ? rnd() % 6 : rnd() % 300);
			}
			memcpy(before, mt_wr_path_count, sizeof(before));
			{
				MA_STATE(mf, &fast, a, b);
				MA_STATE(ms, &slow, a, b);

				mt_wr_fast_paths = true;
				ret_fast = mas_store(&mf, e);
				mt_wr_fast_paths = false;
				ret_slow = mas_store(&ms, e);
				mt_wr_fast_paths = true;
			}
			for (p = 0; p < MAPLE_WR_NR_PATHS; p++)
				taken[p] += mt_wr_path_count[p] - before[p];
			if (e && b + 1 > top)
				top = b + 1;
			KUNIT_EXPECT_PTR_EQ(test, ret_fast, ret_slow);
			if (!same_after_store(test, &fast, &slow, flags[k], op, a, b, e))
				break;
		}
		erase_all_differential(test, &fast, &slow, flags[k], taken);
		mtree_destroy(&fast);
		mtree_destroy(&slow);
	}
	kunit_info(test, "stores: exact fit %lu, slot store %lu, append %lu, node store %lu,"
		   " rebalance %lu, split %lu, rebuild %lu, root expand %lu",
		   taken[MAPLE_WR_EXACT_FIT], taken[MAPLE_WR_SLOT_STORE], taken[MAPLE_WR_APPEND],
		   taken[MAPLE_WR_NODE_STORE], taken[MAPLE_WR_REBALANCE], taken[MAPLE_WR_SPLIT],
		   taken[MAPLE_WR_REBUILD], taken[MAPLE_WR_ROOT_EXPAND]);
	for (p = 0; p < MAPLE_WR_REBUILD; p++)
		KUNIT_EXPECT_GT(test, taken[p], 1000);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/*
 * NULL stores near the right edge of small trees built by appends, whose
 * last leaf may be short: the rebalance in place against the rebuild,
 * after every store. There a leaf left ending on NULL can meet a last
 * leaf too short to make up the minimum with it, and the rebuild takes a
 * third leaf in, which the rebalance must leave to it.
 */
static void maple_host_rebalance_right_edge(struct kunit *test)
{
	unsigned long round, taken[MAPLE_WR_NR_PATHS] = { 0 };
	long live = maple_shim_live;
	int p;

	rng_state = 2718;
	for (round = 0; round < 2000 && !test->failed; round++) {
		unsigned long i, n = 150 + rnd() % 200, top = 0, a, b;
		struct maple_tree fast, slow;

		mt_init_flags(&fast, MT_FLAGS_ALLOC_RANGE);
		mt_init_flags(&slow, MT_FLAGS_ALLOC_RANGE);
		for (i = 0; i < n; i++) {
			a = top + rnd() % 3;
			b = a + rnd() % 4;
			KUNIT_ASSERT_EQ(test, mtree_store_range(&fast, a, b, E(i + 1), GFP_KERNEL), 0);
			KUNIT_ASSERT_EQ(test, mtree_store_range(&slow, a, b, E(i + 1), GFP_KERNEL), 0);
			top = b + 1;
		}
		for (i = 0; i < 6 && !test->failed; i++) {
			unsigned long before[MAPLE_WR_NR_PATHS];

			a = top - 1 - rnd() % 150;
			b = a + rnd() % 30;
			memcpy(before, mt_wr_path_count, sizeof(before));
			KUNIT_ASSERT_EQ(test, mtree_store_range(&fast, a, b, NULL, GFP_KERNEL), 0);
			mt_wr_fast_paths = false;
			KUNIT_ASSERT_EQ(test, mtree_store_range(&slow, a, b, NULL, GFP_KERNEL), 0);
			mt_wr_fast_paths = true;
			for (p = 0; p < MAPLE_WR_NR_PATHS; p++)
				taken[p] += mt_wr_path_count[p] - before[p];
			same_after_store(test, &fast, &slow, MT_FLAGS_ALLOC_RANGE, round, a, b, NULL);
		}
		mtree_destroy(&fast);
		mtree_destroy(&slow);
	}
	kunit_info(test, "NULL stores: node store %lu, rebalance %lu, rebuild %lu",
		   taken[MAPLE_WR_NODE_STORE], taken[MAPLE_WR_REBALANCE], taken[MAPLE_WR_REBUILD]);
	KUNIT_EXPECT_GT(test, taken[MAPLE_WR_REBALANCE], 500);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/*
 * An erase that leaves its leaf too short merges the leaf with a
 * neighbour: when the parent holds the neighbour and can lose a child,
 * mas_preallocate reserves no node for it and the merge is the rebalance
 * in place (the leaves and the parent are rewritten where they are; it
 * was the rebuild, with the worst case reserved, 3 a level + 1); the
 * worst case for the first leaf of its parent; and the erase then takes
 * no node more than it reserved.
 */
static void maple_host_rebalance_need(struct kunit *test)
{
	unsigned long i, n = 2000, leaf_min, allocs, reserved;
	long live = maple_shim_live;
	struct maple_node *leaf;
	bool merged;
	struct maple_tree mt;
	void *node;
	MA_STATE(mas, &mt, 0, 0);

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, mtree_store_range(&mt, i * 16, i * 16 + 7, E(i + 1), GFP_KERNEL), 0);
	KUNIT_ASSERT_TRUE(test, mt_height(&mt) >= 3);
	/* Empty a leaf in the middle of the tree, entry by entry, until an erase rebuilds. */
	mas_set(&mas, n / 2 * 16);
	mas_walk(&mas);
	leaf_min = mas.min;
	merged = false;
	for (i = leaf_min / 16 + 1; i < n && !merged; i++) {
		unsigned long rebuilds = mt_wr_path_count[MAPLE_WR_REBUILD];
		unsigned long rebalances = mt_wr_path_count[MAPLE_WR_REBALANCE];
		long nodes = maple_shim_live;

		mas_set_range(&mas, i * 16, i * 16 + 7);
		KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, NULL, GFP_KERNEL), 0);
		reserved = mas_allocated(&mas);
		allocs = maple_shim_allocs;
		mas_store_prealloc(&mas, NULL);
		KUNIT_EXPECT_EQ(test, maple_shim_allocs, allocs);	/* nothing beyond the reserve */
		KUNIT_EXPECT_EQ(test, reserved, 0);
		KUNIT_ASSERT_EQ(test, mt_validate(&mt), 0);
		merged = mt_wr_path_count[MAPLE_WR_REBALANCE] != rebalances;
		/* the merge rewrote the two leaves where they are, or one of them, without the rebuild */
		KUNIT_EXPECT_EQ(test, mt_wr_path_count[MAPLE_WR_REBUILD], rebuilds);
		if (merged)
			KUNIT_EXPECT_TRUE(test, maple_shim_live <= nodes);
	}
	KUNIT_EXPECT_TRUE(test, merged);
	/*
	 * A leaf that is the first child of its parent but not the tree's first
	 * merges with a cousin: the worst case. Root slot 1, then slot 0 down.
	 */
	node = mt.ma_root;
	for (i = 0; ((unsigned long)node >> 3 & 0xF) != maple_leaf_64; i++) {
		struct maple_node *n = (struct maple_node *)((unsigned long)node & ~MAPLE_NODE_MASK);

		node = n->ma64.slot[i ? 0 : 1];
	}
	leaf = (struct maple_node *)((unsigned long)node & ~MAPLE_NODE_MASK);
	reserved = 0;
	for (i = 0; i < 16 && !reserved; i++) {
		/* slot 1: the leaf's first entry (slot 0 is the gap before it) */
		mas_set(&mas, leaf->mr64.pivot[0] + 1);
		KUNIT_ASSERT_NOT_NULL(test, mas_walk(&mas));
		mas_set_range(&mas, mas.index, mas.last);
		KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, NULL, GFP_KERNEL), 0);
		reserved = mas_allocated(&mas);
		mas_store_prealloc(&mas, NULL);
	}
	KUNIT_EXPECT_EQ(test, reserved, 3UL * mt_height(&mt) + 1);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/*
 * A store that overfills a leaf whose parent has room splits the leaf in
 * place: mas_preallocate reserves one node, the new right leaf (the
 * rebuild reserved 3), and the store takes that one and allocates nothing
 * else. Once the parent is full, the next split takes the rebuild, which
 * splits the parent too, with 3 nodes a level reserved. Inserting ranges
 * into the gaps of one part of a tree built by appends makes both happen.
 */
static void maple_host_split_need(struct kunit *test)
{
	unsigned long i, n = 2000, splits = 0, rebuilds = 0;
	long live = maple_shim_live;
	struct maple_tree mt;
	MA_STATE(mas, &mt, 0, 0);

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, mtree_store_range(&mt, i * 16, i * 16 + 7, E(i + 1), GFP_KERNEL), 0);
	for (i = n / 2; i < n / 2 + 200 && !test->failed; i++) {
		unsigned long before[MAPLE_WR_NR_PATHS], reserved, allocs;
		long nodes = maple_shim_live;

		memcpy(before, mt_wr_path_count, sizeof(before));
		mas_set_range(&mas, i * 16 + 10, i * 16 + 11);
		KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, E(n + i), GFP_KERNEL), 0);
		reserved = mas_allocated(&mas);
		allocs = maple_shim_allocs;
		mas_store_prealloc(&mas, E(n + i));
		KUNIT_EXPECT_EQ(test, maple_shim_allocs, allocs);
		KUNIT_ASSERT_EQ(test, mt_validate(&mt), 0);
		if (mt_wr_path_count[MAPLE_WR_SPLIT] != before[MAPLE_WR_SPLIT]) {
			splits++;
			KUNIT_EXPECT_EQ(test, reserved, 1);
			KUNIT_EXPECT_EQ(test, maple_shim_live, nodes + 1);
		} else if (mt_wr_path_count[MAPLE_WR_REBUILD] != before[MAPLE_WR_REBUILD]) {
			rebuilds++;
			KUNIT_EXPECT_GE(test, reserved, 6);
		} else {
			KUNIT_EXPECT_EQ(test, reserved, 0);
		}
	}
	KUNIT_EXPECT_GT(test, splits, 10);
	KUNIT_EXPECT_GT(test, rebuilds, 0);
	mtree_destroy(&mt);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/*
 * A store from a state a walk or a move left on a leaf starts at that leaf
 * (Linux's mas_wr_store_setup; mmap_region stores a new VMA that way): the
 * same tree as a store from the root, after every store. The ranges are
 * drawn inside the leaf (the start-there case) and across its end (the
 * fallback walk), after mas_walk, mas_find and mas_prev as mmap_region uses them.
 */
static void maple_host_store_from_state(struct kunit *test)
{
	static const unsigned int flags[] = { 0, MT_FLAGS_ALLOC_RANGE };
	unsigned long inside = 0, across = 0;
	long live = maple_shim_live;
	unsigned int k;

	rng_state = 2718;
	for (k = 0; k < ARRAY_SIZE(flags) && !test->failed; k++) {
		struct maple_tree a, b;
		unsigned long op, keys = 6000;

		mt_init_flags(&a, flags[k]);
		mt_init_flags(&b, flags[k]);
		for (op = 0; op < 12000 && !test->failed; op++) {
			unsigned long x = rnd() % keys, first, last, where;
			void *e = rnd() % 4 ? E(op + 1) : NULL;
			bool on_leaf;
			MA_STATE(ma, &a, x, x);
			MA_STATE(mb, &b, 0, 0);

			switch (rnd() % 3) {
			case 0:
				mas_walk(&ma);
				break;
			case 1:
				mas_find(&ma, ULONG_MAX);
				break;
			default:
				mas_find(&ma, ULONG_MAX);
				mas_prev(&ma, 0);
				break;
			}
			/* MAS_START, MAS_NONE, MAS_PAUSE and errors have bit 0 or 1 set */
			on_leaf = ma.node && !((unsigned long)ma.node & 3);
			where = rnd() % 8;
			if (!on_leaf) {
				first = x;	/* nothing found: the state is not on a leaf */
				last = x + rnd() % 40;
			} else if (where == 0 && ma.min) {	/* from before the leaf into it */
				first = ma.min - 1 - rnd() % (ma.min < 8 ? ma.min : 8);
				last = first + rnd() % 10;
			} else if (where == 1 && ma.max < ULONG_MAX - 16) {	/* out past its end */
				first = ma.max - rnd() % (ma.max - ma.min < 3 ? ma.max - ma.min + 1 : 4);
				last = ma.max + 1 + rnd() % 8;
			} else {
				first = ma.min + rnd() % (ma.max - ma.min < 63 ? ma.max - ma.min + 1 : 64);
				last = first + rnd() % 6;
			}
			if (on_leaf && first >= ma.min && last <= ma.max)
				inside++;
			else
				across++;
			ma.index = first;
			ma.last = last;
			mas_set_range(&mb, first, last);
			if (mas_store_gfp(&ma, e, GFP_KERNEL) || mas_store_gfp(&mb, e, GFP_KERNEL) ||
			    mt_validate(&a) || mt_validate(&b) || !same_tree(&a, &b)) {
				kunit_fail(test, __FILE__, __LINE__, "store_from_state",
					   "flags %u op %lu: store [%lu, %lu] %p: trees differ or invalid",
					   flags[k], op, first, last, e);
				break;
			}
		}
		mtree_destroy(&a);
		mtree_destroy(&b);
	}
	kunit_info(test, "stores from the state's leaf %lu, across its end or from the root %lu",
		   inside, across);
	KUNIT_EXPECT_GT(test, inside, 10000);
	KUNIT_EXPECT_GT(test, across, 2000);
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

/*
 * Appends pack leaves full, as Linux's do: ranges with a gap after each
 * take at most 40 bytes of nodes a range (Linux 6.1: 36.6), ranges side
 * by side at most 20; and growing the last range after such a split (brk)
 * costs at most one rebuild, the stores after it staying in one leaf.
 */
static void maple_host_append_packing(struct kunit *test)
{
	static const unsigned long strides[] = { 16, 8 };	/* 8-index ranges: gaps, none */
	static const unsigned long most_tenths[] = { 400, 200 };	/* bytes a range, x10 */
	long live = maple_shim_live;
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(strides); k++) {
		unsigned long n = 10000, i, rebuilds, tenths, last;
		struct maple_tree mt;

		mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
		for (i = 0; i < n; i++)
			KUNIT_ASSERT_EQ(test, mtree_store_range(&mt, i * strides[k], i * strides[k] + 7,
								E(i + 1), GFP_KERNEL), 0);
		tenths = (maple_shim_live - live) * sizeof(struct maple_node) * 10 / n;
		kunit_info(test, "stride %lu: %lu.%lu bytes of nodes a range, height %u",
			   strides[k], tenths / 10, tenths % 10, mt_height(&mt));
		KUNIT_EXPECT_LE(test, tenths, most_tenths[k]);
		rebuilds = mt_wr_path_count[MAPLE_WR_REBUILD];
		last = (n - 1) * strides[k] + 7;
		for (i = 1; i <= 100; i++)
			KUNIT_ASSERT_EQ(test, mtree_store_range(&mt, (n - 1) * strides[k], last + i,
								E(n), GFP_KERNEL), 0);
		KUNIT_EXPECT_LE(test, mt_wr_path_count[MAPLE_WR_REBUILD] - rebuilds, 1);
		KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
		mtree_destroy(&mt);
	}
	KUNIT_EXPECT_EQ(test, maple_shim_live, live);
}

static int maple_host_init(struct kunit *test)
{
	maple_tree_init();
	return 0;
}

static struct kunit_case maple_host_cases[] = {
	KUNIT_CASE(maple_host_whole_space),
	KUNIT_CASE(maple_host_spanning),
	KUNIT_CASE(maple_host_destroy_large),
	KUNIT_CASE(maple_host_pause),
	KUNIT_CASE(maple_host_alloc_failures),
	/* BEGIN HIDDEN maple */
	KUNIT_CASE(maple_host_differential),
	/* END HIDDEN maple */
	KUNIT_CASE(maple_host_fast_path_choice),
	KUNIT_CASE(maple_host_fast_paths_differential),
	KUNIT_CASE(maple_host_rebalance_right_edge),
	KUNIT_CASE(maple_host_rebalance_need),
	KUNIT_CASE(maple_host_split_need),
	KUNIT_CASE(maple_host_store_from_state),
	KUNIT_CASE(maple_host_append_packing),
	{}
};

static struct kunit_suite maple_host_suite = {
	.name = "maple_host",
	.init = maple_host_init,
	.test_cases = maple_host_cases,
};
kunit_test_suite(maple_host_suite);
