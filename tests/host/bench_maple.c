// SPDX-License-Identifier: MIT
/*
 * Benchmark of the maple tree (kernel/mm/maple_tree.c) beside a red-black
 * tree of ranges (the RB_* macros of libbsd's <bsd/sys/tree.h>, keyed by
 * range start, one malloc'd node per range) doing the same work in the same
 * run: lookups, forward iteration, appending stores, extending the last
 * range in place (the brk case: the maple tree moves one slot boundary,
 * the red-black tree updates the node's end and the gaps on its path), random stores, erases and
 * top-down free-range searches, at 1k and 100k ranges. Prints ns per
 * operation (best of ROUNDS, in CPU time of this thread, so that other
 * programs on a shared machine count less), the ratio maple/rb (below 1:
 * maple faster) and the bytes per range each structure holds.
 *
 * The maple tree's nodes come from the kernel's own slab allocator over its
 * buddy allocator (kernel/mm/slab.c and page_alloc.c on host memory), as
 * they do in the kernel; the red-black tree's from glibc's malloc.
 *
 * The red-black tree is augmented as Linux's VMA tree was before the maple
 * tree: each node also keeps the largest free gap between the ranges of its
 * subtree (and the subtree's first and last index), so that the free-range
 * search skips every subtree without a large enough gap, in O(log n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <linux/maple_tree.h>
#include <linux/gfp.h>
#include "host_mm.h"

/* libbsd's tree.h marks its static functions __unused (a BSD <sys/cdefs.h> name). */
#ifndef __unused
#define __unused __attribute__((unused))
#endif
/* tree.h calls it on each node whose children changed (rotations, removal) */
#define RB_AUGMENT(node)	rb_range_augment(node)
#include <bsd/sys/tree.h>


#define ROUNDS		5
#define HOST_MEMORY	(512UL << 20)	/* for the buddy and slab allocators */
#define LOOKUPS		1000000UL
#define EXTENDS		200000UL	/* in-place extensions of the last range */
#define ITERATED	200000UL	/* entries visited per timed iteration, at least */
#define STRIDE		16UL	/* range i is [16i, 16i + 7]: a gap of 8 after each */

/* ---- The baseline: a red-black tree of [start, last] ranges ---- */

struct rb_range {
	RB_ENTRY(rb_range) link;
	unsigned long start, last;
	void *entry;
	/* the augmentation, over this node's subtree: */
	unsigned long first_index;	/* the first range's start */
	unsigned long last_index;	/* the last range's last */
	unsigned long max_gap;		/* the largest free gap between two of its ranges */
};

static int rb_range_cmp(struct rb_range *a, struct rb_range *b)
{
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Recompute @node's augmentation from its own range and its children's. */
static void rb_range_augment(struct rb_range *node)
{
	struct rb_range *left = node->link.rbe_left, *right = node->link.rbe_right;
	unsigned long gap = 0;

	node->first_index = left ? left->first_index : node->start;
	node->last_index = right ? right->last_index : node->last;
	if (left) {
		gap = node->start - left->last_index - 1;
		if (left->max_gap > gap)
			gap = left->max_gap;
	}
	if (right) {
		if (right->first_index - node->last - 1 > gap)
			gap = right->first_index - node->last - 1;
		if (right->max_gap > gap)
			gap = right->max_gap;
	}
	node->max_gap = gap;
}

RB_HEAD(rb_ranges, rb_range);
RB_GENERATE_STATIC(rb_ranges, rb_range, link, rb_range_cmp)

/* After a node below @node came or went: recompute the augmentation up to the root. */
static void rb_range_augment_up(struct rb_range *node)
{
	for (; node; node = RB_PARENT(node, link))
		rb_range_augment(node);
}

/* The range holding @index, or NULL. */
static __attribute__((noinline)) struct rb_range *rb_load(struct rb_ranges *head, unsigned long index)
{
	struct rb_range *node = RB_ROOT(head);

	while (node) {
		if (index < node->start)
			node = RB_LEFT(node, link);
		else if (index > node->last)
			node = RB_RIGHT(node, link);
		else
			return node;
	}
	return NULL;
}

static __attribute__((noinline)) void rb_store(struct rb_ranges *head, unsigned long start,
					       unsigned long last, void *entry)
{
	struct rb_range *node = malloc(sizeof(*node));

	node->start = start;
	node->last = last;
	node->entry = entry;
	RB_INSERT(rb_ranges, head, node);
	rb_range_augment_up(node);
}

static __attribute__((noinline)) void rb_erase(struct rb_ranges *head, unsigned long index)
{
	struct rb_range *node = rb_load(head, index), *parent = RB_PARENT(node, link);

	/*
	 * With two children, RB_REMOVE puts the successor in its place and
	 * recomputes up from there itself; otherwise the parent loses a child.
	 */
	RB_REMOVE(rb_ranges, head, node);
	if (!RB_LEFT(node, link) || !RB_RIGHT(node, link))
		rb_range_augment_up(parent);
	free(node);
}

/* The last index of the highest window of @size in free [lo, hi] within [min, max], or 0. */
static unsigned long rb_window(unsigned long lo, unsigned long hi, unsigned long min,
			       unsigned long max, unsigned long size)
{
	if (lo < min)
		lo = min;
	if (hi > max)
		hi = max;
	return lo <= hi && hi - lo + 1 >= size ? hi : 0;
}

/* The highest window of @size within [min, max] in a gap between two ranges of @node's subtree. */
static unsigned long rb_gap_search(struct rb_range *node, unsigned long min, unsigned long max,
				   unsigned long size)
{
	struct rb_range *left, *right;
	unsigned long found;

	if (!node || node->max_gap < size || node->first_index > max || node->last_index < min)
		return 0;
	left = RB_LEFT(node, link);
	right = RB_RIGHT(node, link);
	if (right) {
		found = rb_gap_search(right, min, max, size);
		if (!found)
			found = rb_window(node->last + 1, right->first_index - 1, min, max, size);
		if (found)
			return found;
	}
	if (left) {
		found = rb_window(left->last_index + 1, node->start - 1, min, max, size);
		return found ? found : rb_gap_search(left, min, max, size);
	}
	return 0;
}

/*
 * The highest free window of @size in [min, max] (what mas_empty_area_rev
 * finds): above the last range, then the gaps between ranges top-down
 * (subtrees without a gap of @size skipped), then below the first range.
 * Returns the window's last index, or 0 if there is none.
 */
static __attribute__((noinline)) unsigned long rb_empty_area_rev(struct rb_ranges *head,
		unsigned long min, unsigned long max, unsigned long size)
{
	struct rb_range *root = RB_ROOT(head);
	unsigned long found;

	if (!root)
		return rb_window(0, ULONG_MAX, min, max, size);
	found = root->last_index < ULONG_MAX ?
		rb_window(root->last_index + 1, ULONG_MAX, min, max, size) : 0;
	if (!found)
		found = rb_gap_search(root, min, max, size);
	if (!found && root->first_index > 0)
		found = rb_window(0, root->first_index - 1, min, max, size);
	return found;
}

/* ---- Timing ---- */

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static unsigned long rng = 88172645463325252UL;

static unsigned long rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long *order;	/* 0..n-1 shuffled */
static unsigned long *keys;	/* random indices for lookups */
static volatile unsigned long sink;

static void row(const char *what, unsigned long n, double maple, double rb)
{
	char name[64];

	snprintf(name, sizeof(name), "%s (%luk)", what, n / 1000);
	printf("%-34s %9.1f %12.1f %7.2fx\n", name, maple, rb, maple / rb);
}

/*
 * Do both trees find the same window, for the searches timed and for some
 * with larger windows (that must skip gaps)? Exits if not: a wrong
 * baseline would make the figures meaningless.
 */
static void check_empty_area_rev(struct maple_tree *mt, struct rb_ranges *head, unsigned long count)
{
	for (unsigned long i = 0; i < count; i++) {
		unsigned long size = i % 4 == 3 ? 9 + i % 7 : 5, max = keys[i], rb;
		MA_STATE(mas, mt, 0, 0);

		rb = rb_empty_area_rev(head, 0, max, size);
		if (mas_empty_area_rev(&mas, 0, max, size) ? rb != 0 : rb != mas.last) {
			fprintf(stderr, "bench_maple: empty area below %lu of size %lu: maple %lu, rb %lu\n",
				max, size, mas.last, rb);
			exit(1);
		}
	}
}

/*
 * The augmented tree against the maple tree through inserts and erases in
 * random order: after each phase, searches of random sizes below random
 * limits must find the same windows.
 */
static void check_augmented_tree(void)
{
	const unsigned long n = 2000;
	struct rb_ranges head = RB_INITIALIZER(&head);
	struct maple_tree mt;
	struct rb_range *node;

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	for (unsigned long phase = 0; phase < 4; phase++) {
		for (unsigned long i = 0; i < n; i++) {
			unsigned long r = order[i] * STRIDE;
			int present = rb_load(&head, r) != NULL;

			if (phase % 2 == 0 && !present && rnd() % 3) {
				mtree_store_range(&mt, r, r + 7, (void *)8, GFP_KERNEL);
				rb_store(&head, r, r + 7, (void *)8);
			} else if (phase % 2 == 1 && present && rnd() % 2) {
				mtree_erase(&mt, r);
				rb_erase(&head, r);
			}
		}
		for (unsigned long i = 0; i < 2000; i++) {
			unsigned long size = 1 + rnd() % (8 * STRIDE), max = rnd() % (n * STRIDE + 64), rb;
			MA_STATE(mas, &mt, 0, 0);

			rb = rb_empty_area_rev(&head, 0, max, size);
			if (mas_empty_area_rev(&mas, 0, max, size) ? rb != 0 : rb != mas.last) {
				fprintf(stderr, "bench_maple: phase %lu, empty area below %lu of size %lu:"
					" maple %lu, rb %lu\n", phase, max, size, mas.last, rb);
				exit(1);
			}
		}
	}
	__mt_destroy(&mt);
	while ((node = RB_MIN(rb_ranges, &head)) != NULL) {
		RB_REMOVE(rb_ranges, &head, node);
		free(node);
	}
}

static void bench_size(unsigned long n)
{
	double best[2][7], t;
	unsigned long i, round, ops_gap = 2000, pass, passes = n < ITERATED ? ITERATED / n : 1;
	double maple_bytes = 0, rb_bytes = 0;
	int k;

	for (k = 0; k < 7; k++)
		best[0][k] = best[1][k] = 1e30;
	order = malloc(n * sizeof(*order));
	keys = malloc(LOOKUPS * sizeof(*keys));
	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n - 1; i > 0; i--) {
		unsigned long j = rnd() % (i + 1), x = order[i];

		order[i] = order[j];
		order[j] = x;
	}
	for (i = 0; i < LOOKUPS; i++)
		keys[i] = rnd() % (n * STRIDE);
	if (n >= 2000)
		check_augmented_tree();

	for (round = 0; round < ROUNDS; round++) {
		struct maple_tree mt;
		struct rb_ranges head = RB_INITIALIZER(&head);
		struct rb_range *node;
		long live = (long)mt_nr_allocated();
		void *entry;

		mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
		/* Appending stores. */
		t = now_ns();
		for (i = 0; i < n; i++)
			mtree_store_range(&mt, i * STRIDE, i * STRIDE + 7, (void *)(i * 8 + 8), GFP_KERNEL);
		t = (now_ns() - t) / n;
		best[0][0] = t < best[0][0] ? t : best[0][0];
		t = now_ns();
		for (i = 0; i < n; i++)
			rb_store(&head, i * STRIDE, i * STRIDE + 7, (void *)(i * 8 + 8));
		t = (now_ns() - t) / n;
		best[1][0] = t < best[1][0] ? t : best[1][0];

		/* Extending the last range in place, one index at a time (brk), then back. */
		{
			unsigned long start = (n - 1) * STRIDE, last = start + 7;
			void *e = (void *)(n * 8);

			t = now_ns();
			for (i = 1; i <= EXTENDS; i++) {
				MA_STATE(mas, &mt, start, last + i);

				mas_store_gfp(&mas, e, GFP_KERNEL);
			}
			t = (now_ns() - t) / EXTENDS;
			best[0][6] = t < best[0][6] ? t : best[0][6];
			mtree_store_range(&mt, last + 1, last + EXTENDS, NULL, GFP_KERNEL);
			t = now_ns();
			for (i = 1; i <= EXTENDS; i++) {
				node = rb_load(&head, start);
				node->last = last + i;
				rb_range_augment_up(node);	/* the gaps above it changed */
			}
			t = (now_ns() - t) / EXTENDS;
			best[1][6] = t < best[1][6] ? t : best[1][6];
			node->last = last;
			rb_range_augment_up(node);
		}

		/* Lookups. */
		t = now_ns();
		for (i = 0; i < LOOKUPS; i++)
			sink += (unsigned long)mtree_load(&mt, keys[i]);
		t = (now_ns() - t) / LOOKUPS;
		best[0][1] = t < best[0][1] ? t : best[0][1];
		t = now_ns();
		for (i = 0; i < LOOKUPS; i++) {
			node = rb_load(&head, keys[i]);
			sink += node ? (unsigned long)node->entry : 0;
		}
		t = (now_ns() - t) / LOOKUPS;
		best[1][1] = t < best[1][1] ? t : best[1][1];

		/* Forward iteration over everything, passes times (a 1k pass is too short to time). */
		t = now_ns();
		for (pass = 0; pass < passes; pass++) {
			MA_STATE(mas, &mt, 0, 0);

			mas_for_each(&mas, entry, ULONG_MAX)
				sink += (unsigned long)entry;
		}
		t = (now_ns() - t) / (n * passes);
		best[0][2] = t < best[0][2] ? t : best[0][2];
		t = now_ns();
		for (pass = 0; pass < passes; pass++)
			RB_FOREACH(node, rb_ranges, &head)
				sink += (unsigned long)node->entry;
		t = (now_ns() - t) / (n * passes);
		best[1][2] = t < best[1][2] ? t : best[1][2];

		/* Top-down free-range search: a window of 5 below a random limit. */
		if (round == 0)
			check_empty_area_rev(&mt, &head, ops_gap);
		t = now_ns();
		for (i = 0; i < ops_gap; i++) {
			MA_STATE(mas, &mt, 0, 0);

			if (!mas_empty_area_rev(&mas, 0, keys[i], 5))
				sink += mas.last;
		}
		t = (now_ns() - t) / ops_gap;
		best[0][5] = t < best[0][5] ? t : best[0][5];
		t = now_ns();
		for (i = 0; i < ops_gap; i++)
			sink += rb_empty_area_rev(&head, 0, keys[i], 5);
		t = (now_ns() - t) / ops_gap;
		best[1][5] = t < best[1][5] ? t : best[1][5];

		/* Erase in random order. */
		t = now_ns();
		for (i = 0; i < n; i++)
			mtree_erase(&mt, order[i] * STRIDE);
		t = (now_ns() - t) / n;
		best[0][4] = t < best[0][4] ? t : best[0][4];
		t = now_ns();
		for (i = 0; i < n; i++)
			rb_erase(&head, order[i] * STRIDE);
		t = (now_ns() - t) / n;
		best[1][4] = t < best[1][4] ? t : best[1][4];

		/* Random stores (each range once, in random order). */
		t = now_ns();
		for (i = 0; i < n; i++)
			mtree_store_range(&mt, order[i] * STRIDE, order[i] * STRIDE + 7,
					  (void *)(i * 8 + 8), GFP_KERNEL);
		t = (now_ns() - t) / n;
		best[0][3] = t < best[0][3] ? t : best[0][3];
		t = now_ns();
		for (i = 0; i < n; i++)
			rb_store(&head, order[i] * STRIDE, order[i] * STRIDE + 7, (void *)(i * 8 + 8));
		t = (now_ns() - t) / n;
		best[1][3] = t < best[1][3] ? t : best[1][3];

		/* Memory: nodes held for n ranges (after random stores; appends pack tighter). */
		maple_bytes = (double)((long)mt_nr_allocated() - live) * sizeof(struct maple_node) / n;
		rb_bytes = sizeof(struct rb_range);
		{
			long packed;
			struct maple_tree ap;

			mt_init_flags(&ap, MT_FLAGS_ALLOC_RANGE);
			live = (long)mt_nr_allocated();
			for (i = 0; i < n; i++)
				mtree_store_range(&ap, i * STRIDE, i * STRIDE + 7, (void *)8, GFP_KERNEL);
			packed = (long)mt_nr_allocated() - live;
			if (round == ROUNDS - 1)
				printf("# %luk: maple %.1f bytes/range after random stores, %.1f after appends;"
				       " rb %.1f bytes/range (%zu-byte node, %zu with malloc's header)\n",
				       n / 1000, maple_bytes, (double)packed * sizeof(struct maple_node) / n,
				       rb_bytes, sizeof(struct rb_range), (sizeof(struct rb_range) + 8 + 15) / 16 * 16);
			__mt_destroy(&ap);
		}
		__mt_destroy(&mt);
		while ((node = RB_MIN(rb_ranges, &head)) != NULL) {
			RB_REMOVE(rb_ranges, &head, node);
			free(node);
		}
	}
	row("load (mtree_load)", n, best[0][1], best[1][1]);
	row("forward iteration (mas_for_each)", n, best[0][2], best[1][2]);
	row("appending store", n, best[0][0], best[1][0]);
	row("extend the last range (brk)", n, best[0][6], best[1][6]);
	row("random store", n, best[0][3], best[1][3]);
	row("erase (random order)", n, best[0][4], best[1][4]);
	row("mas_empty_area_rev", n, best[0][5], best[1][5]);
	free(order);
	free(keys);
}

int main(void)
{
	/* The tree's nodes come from the kernel's slab, as in the kernel (not malloc). */
	host_mm_boot(HOST_MEMORY);
	maple_tree_init();
	printf("maple tree vs red-black tree of ranges (ns per operation, best of %d;"
	       " ratio = maple/rb, below 1 is faster)\n", ROUNDS);
	printf("%-34s %9s %12s %8s\n", "operation", "ns/op", "baseline", "ratio");
	bench_size(1000);
	bench_size(100000);
	return 0;
}
