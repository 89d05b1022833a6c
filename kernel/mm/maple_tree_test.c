// SPDX-License-Identifier: MIT
/*
 * KUnit suite "maple": the maple tree's API (lib/maple_tree.c in Linux 6.1)
 * as mm/mmap.c uses it, checked in the kernel against the real slab
 * allocator (`ktest=maple`). The host test tests/host/test_maple.c adds
 * the long randomized runs and allocation-failure injection.
 */
#include <kunit/test.h>
#include <linux/maple_tree.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/seq_file.h>
#include <linux/string.h>

/* A distinct non-NULL entry for @n (never dereferenced). */
#define E(n)	((void *)(((unsigned long)(n) << 4) | 8))

static int maple_test_init(struct kunit *test)
{
	maple_tree_init();
	return 0;
}

static void maple_store_load(struct kunit *test)
{
	DEFINE_MTREE(mt);

	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 0));
	KUNIT_EXPECT_EQ(test, mtree_store_range(&mt, 0, 0, E(1), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_store_range(&mt, ULONG_MAX, ULONG_MAX, E(2), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_store_range(&mt, 100, 199, E(3), GFP_KERNEL), 0);
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 0), E(1));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 1));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 99));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 100), E(3));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 199), E(3));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 200));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, ULONG_MAX - 1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, ULONG_MAX), E(2));
	KUNIT_EXPECT_EQ(test, mtree_store_range(&mt, 5, 4, E(4), GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	mtree_destroy(&mt);
	KUNIT_EXPECT_TRUE(test, mtree_empty(&mt));
}

/* Storing inside a range splits it in three; NULL in the middle erases. */
static void maple_overwrite_splits(struct kunit *test)
{
	DEFINE_MTREE(mt);
	MA_STATE(mas, &mt, 0, 0);

	mtree_store_range(&mt, 10, 100, E(1), GFP_KERNEL);
	mtree_store_range(&mt, 40, 50, E(2), GFP_KERNEL);
	mas_set(&mas, 20);
	KUNIT_EXPECT_PTR_EQ(test, mas_walk(&mas), E(1));
	KUNIT_EXPECT_EQ(test, mas.index, 10);
	KUNIT_EXPECT_EQ(test, mas.last, 39);
	mas_set(&mas, 45);
	KUNIT_EXPECT_PTR_EQ(test, mas_walk(&mas), E(2));
	KUNIT_EXPECT_EQ(test, mas.index, 40);
	KUNIT_EXPECT_EQ(test, mas.last, 50);
	mas_set(&mas, 51);
	KUNIT_EXPECT_PTR_EQ(test, mas_walk(&mas), E(1));
	KUNIT_EXPECT_EQ(test, mas.index, 51);
	KUNIT_EXPECT_EQ(test, mas.last, 100);

	/* NULL over the middle of a range leaves both ends. */
	mtree_store_range(&mt, 60, 70, NULL, GFP_KERNEL);
	mas_set(&mas, 65);
	KUNIT_EXPECT_NULL(test, mas_walk(&mas));
	KUNIT_EXPECT_EQ(test, mas.index, 60);
	KUNIT_EXPECT_EQ(test, mas.last, 70);
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 59), E(1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 71), E(1));

	/* A gap walk reports the whole gap, merged with its neighbours. */
	mtree_store_range(&mt, 51, 59, NULL, GFP_KERNEL);
	mas_set(&mas, 55);
	KUNIT_EXPECT_NULL(test, mas_walk(&mas));
	KUNIT_EXPECT_EQ(test, mas.index, 51);
	KUNIT_EXPECT_EQ(test, mas.last, 70);

	/* mtree_erase() takes the whole entry holding the index. */
	KUNIT_EXPECT_PTR_EQ(test, mtree_erase(&mt, 80), E(1));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 71));
	KUNIT_EXPECT_NULL(test, mtree_load(&mt, 100));
	KUNIT_EXPECT_NULL(test, mtree_erase(&mt, 80));
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	mtree_destroy(&mt);
}

static void maple_insert(struct kunit *test)
{
	DEFINE_MTREE(mt);

	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 10, 20, E(1), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 20, 30, E(2), GFP_KERNEL), -EEXIST);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 0, 10, E(2), GFP_KERNEL), -EEXIST);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 0, 100, E(2), GFP_KERNEL), -EEXIST);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 21, 30, E(2), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 9, 9, E(3), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_insert_range(&mt, 31, 30, E(3), GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mtree_insert(&mt, ULONG_MAX, E(4), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mtree_insert(&mt, ULONG_MAX, E(5), GFP_KERNEL), -EEXIST);
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 20), E(1));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 21), E(2));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mt, 9), E(3));
	mtree_destroy(&mt);
}

/* mas_find / mas_next / mas_prev / mas_find_rev / mt_for_each over many nodes. */
static void maple_iterate(struct kunit *test)
{
	DEFINE_MTREE(mt);
	MA_STATE(mas, &mt, 0, 0);
	unsigned long i, index, count;
	void *entry;

	/* Entry i covers [10i, 10i + 4]; [10i + 5, 10i + 9] are gaps. */
	for (i = 1; i <= 1000; i++)
		KUNIT_ASSERT_EQ(test, mtree_store_range(&mt, 10 * i, 10 * i + 4, E(i),
							GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	KUNIT_EXPECT_GE(test, mt_height(&mt), 2);

	count = 0;
	mas_set(&mas, 0);
	mas_for_each(&mas, entry, ULONG_MAX) {
		count++;
		KUNIT_EXPECT_PTR_EQ(test, entry, E(count));
		KUNIT_EXPECT_EQ(test, mas.index, 10 * count);
		KUNIT_EXPECT_EQ(test, mas.last, 10 * count + 4);
	}
	KUNIT_EXPECT_EQ(test, count, 1000);

	/* Bounded: from the middle of entry 50 up to the first index of entry 60. */
	count = 0;
	mas_set(&mas, 503);
	mas_for_each(&mas, entry, 600) {
		KUNIT_EXPECT_PTR_EQ(test, entry, E(50 + count));
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, 11);
	KUNIT_EXPECT_EQ(test, mas.index, 600);
	KUNIT_EXPECT_EQ(test, mas.last, 600);

	/* Nothing in a gap: index and last are set to the limit. */
	mas_set(&mas, 505);
	KUNIT_EXPECT_NULL(test, mas_find(&mas, 509));
	KUNIT_EXPECT_EQ(test, mas.index, 509);
	/* ... and mas_prev() then gives the entry below. */
	KUNIT_EXPECT_PTR_EQ(test, mas_prev(&mas, 0), E(50));
	KUNIT_EXPECT_EQ(test, mas.index, 500);
	KUNIT_EXPECT_EQ(test, mas.last, 504);
	KUNIT_EXPECT_PTR_EQ(test, mas_prev(&mas, 0), E(49));
	KUNIT_EXPECT_PTR_EQ(test, mas_next(&mas, ULONG_MAX), E(50));
	KUNIT_EXPECT_PTR_EQ(test, mas_next(&mas, ULONG_MAX), E(51));
	/* mas_next() past the limit, mas_prev() below the minimum. */
	KUNIT_EXPECT_NULL(test, mas_next(&mas, 515));
	mas_set(&mas, 300);
	KUNIT_EXPECT_NULL(test, mas_prev(&mas, 296));
	KUNIT_EXPECT_EQ(test, mas.index, 296);
	mas_set(&mas, 300);
	KUNIT_EXPECT_PTR_EQ(test, mas_prev(&mas, 294), E(29));

	/* Backwards over everything. */
	count = 0;
	mas_set(&mas, ULONG_MAX);
	while ((entry = mas_find_rev(&mas, 0)) != NULL) {
		KUNIT_EXPECT_PTR_EQ(test, entry, E(1000 - count));
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, 1000);
	/* Bounded backwards: entries ending at or after 9995 down from 10002. */
	count = 0;
	mas_set(&mas, 10002);
	while ((entry = mas_find_rev(&mas, 9990)) != NULL)
		count++;
	KUNIT_EXPECT_EQ(test, count, 2);

	count = 0;
	index = 2000;
	mt_for_each(&mt, entry, index, 2999) {
		count++;
		KUNIT_EXPECT_PTR_EQ(test, entry, E(199 + count));
	}
	KUNIT_EXPECT_EQ(test, count, 100);
	index = 10003;
	KUNIT_EXPECT_PTR_EQ(test, mt_find(&mt, &index, ULONG_MAX), E(1000));
	KUNIT_EXPECT_EQ(test, index, 10005);
	KUNIT_EXPECT_NULL(test, mt_find(&mt, &index, ULONG_MAX));
	index = 9999;
	KUNIT_EXPECT_PTR_EQ(test, mt_find(&mt, &index, 10000), E(1000));
	KUNIT_EXPECT_EQ(test, index, 10005);
	mtree_destroy(&mt);
}

/* Gap searches on an allocation tree, including the edges of the index space. */
static void maple_empty_area(struct kunit *test)
{
	struct maple_tree mt;
	MA_STATE(mas, &mt, 0, 0);
	unsigned long i;

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 5, 100, 10), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 5);
	KUNIT_EXPECT_EQ(test, mas.last, 14);
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 5, 100, 10), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 91);
	KUNIT_EXPECT_EQ(test, mas.last, 100);

	/* Entries [100i, 100i + 89]: gaps of 10, and one gap of 50 at 5090. */
	for (i = 0; i < 200; i++)
		mtree_store_range(&mt, 100 * i, 100 * i + 89, E(i + 1), GFP_KERNEL);
	mtree_store_range(&mt, 5050, 5089, NULL, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, mt_validate(&mt), 0);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, 10), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 90);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, 11), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 5050);
	KUNIT_EXPECT_EQ(test, mas.last, 5060);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, 19999, 51), -EBUSY);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, ULONG_MAX, 51), 0);
	KUNIT_EXPECT_EQ(test, mas.index, 19990);
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 0, 19999, 11), 0);
	KUNIT_EXPECT_EQ(test, mas.last, 5099);
	KUNIT_EXPECT_EQ(test, mas.index, 5089);
	/* The window is trimmed to max. */
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 0, 5095, 5), 0);
	KUNIT_EXPECT_EQ(test, mas.last, 5095);
	KUNIT_EXPECT_EQ(test, mas.index, 5091);
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 0, ULONG_MAX, 1000), 0);
	KUNIT_EXPECT_EQ(test, mas.last, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, mas_empty_area_rev(&mas, 0, 19989, 1), 0);
	KUNIT_EXPECT_EQ(test, mas.last, 19899);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 10, 5, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, mas_empty_area(&mas, 0, 5, 0), -EINVAL);
	mtree_destroy(&mt);
}

/* A VMA, as far as the tree cares. */
struct test_vma {
	unsigned long vm_start, vm_end;
};

/*
 * The Linux 6.1 mm/mmap.c sequences: brk() growing the heap VMA with
 * mas_preallocate + mas_store_prealloc, and do_mas_align_munmap() moving
 * the VMAs of a range into a detached tree and clearing the range.
 */
static void maple_mmap_sequences(struct kunit *test)
{
	struct maple_tree mm_mt, mt_detach;
	struct test_vma text = { 0x400000, 0x401000 };
	struct test_vma heap = { 0x600000, 0x601000 };
	struct test_vma stack = { 0x7ff000, 0x800000 };
	struct test_vma low = { 0x600000, 0x602000 };
	struct test_vma *vma, *next, *prev;
	unsigned long oldbrk = 0x601000, newbrk = 0x605000, start, end;
	MA_STATE(mas, &mm_mt, 0, 0);
	MA_STATE(mas_detach, &mt_detach, 0, 0);
	int count = 0;

	mt_init_flags(&mm_mt, MT_FLAGS_ALLOC_RANGE | MT_FLAGS_LOCK_EXTERN);
	mas_set_range(&mas, text.vm_start, text.vm_end - 1);
	KUNIT_ASSERT_EQ(test, mas_store_gfp(&mas, &text, GFP_KERNEL), 0);
	mas_set_range(&mas, heap.vm_start, heap.vm_end - 1);
	KUNIT_ASSERT_EQ(test, mas_store_gfp(&mas, &heap, GFP_KERNEL), 0);
	mas_set_range(&mas, stack.vm_start, stack.vm_end - 1);
	KUNIT_ASSERT_EQ(test, mas_store_gfp(&mas, &stack, GFP_KERNEL), 0);

	/* brk() growing: nothing in the way, the VMA below is the heap. */
	mas_set(&mas, oldbrk);
	next = mas_find(&mas, newbrk + 0x1000 - 1);
	KUNIT_EXPECT_NULL(test, next);
	vma = mas_prev(&mas, 0x600000);
	KUNIT_ASSERT_TRUE(test, vma == &heap);
	/* do_brk_flags(): expand the VMA in place. */
	mas_set_range(&mas, vma->vm_start, newbrk - 1);
	KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, vma, GFP_KERNEL), 0);
	/* Only the boundary between the heap and the gap moves: a slot store, no nodes. */
	KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
	vma->vm_end = newbrk;
	mas_store_prealloc(&mas, vma);
	KUNIT_EXPECT_EQ(test, mas_allocated(&mas), 0);
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mm_mt, 0x604fff), &heap);
	KUNIT_EXPECT_NULL(test, mtree_load(&mm_mt, 0x605000));

	/* brk() growing into the stack is refused: mas_find() sees it. */
	mas_set(&mas, newbrk);
	KUNIT_EXPECT_PTR_EQ(test, mas_find(&mas, 0x7ff000), &stack);

	/* brk() shrinking to 0x602000: the VMA holding the break, then munmap. */
	oldbrk = newbrk;
	newbrk = 0x602000;
	mas_set(&mas, newbrk);
	vma = mas_find(&mas, oldbrk);
	KUNIT_ASSERT_TRUE(test, vma == &heap);
	start = newbrk;
	end = oldbrk;
	mt_init_flags(&mt_detach, mas.tree->ma_flags & MT_FLAGS_LOCK_MASK);
	mt_set_external_lock(&mt_detach, &mm_mt);
	/* __split_vma(): the heap becomes [0x600000, 0x602000) and [start, end). */
	heap.vm_start = start;
	{
		MA_STATE(split, &mm_mt, low.vm_start, low.vm_end - 1);

		KUNIT_ASSERT_EQ(test, mas_store_gfp(&split, &low, GFP_KERNEL), 0);
		mas_set_range(&split, heap.vm_start, heap.vm_end - 1);
		KUNIT_ASSERT_EQ(test, mas_store_gfp(&split, &heap, GFP_KERNEL), 0);
	}
	mas_set(&mas, start);
	vma = mas_walk(&mas);
	KUNIT_EXPECT_PTR_EQ(test, vma, &heap);
	prev = mas_prev(&mas, 0);
	KUNIT_EXPECT_PTR_EQ(test, prev, &low);
	mas_for_each(&mas, next, end - 1) {
		mas_set_range(&mas_detach, next->vm_start, next->vm_end - 1);
		KUNIT_ASSERT_EQ(test, mas_store_gfp(&mas_detach, next, GFP_KERNEL), 0);
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, 1);
	next = mas_next(&mas, ULONG_MAX);
	KUNIT_EXPECT_PTR_EQ(test, next, &stack);
	mas_set_range(&mas, start, end - 1);
	KUNIT_ASSERT_EQ(test, mas_preallocate(&mas, NULL, GFP_KERNEL), 0);
	mas_store_prealloc(&mas, NULL);
	KUNIT_EXPECT_NULL(test, mtree_load(&mm_mt, start));
	KUNIT_EXPECT_PTR_EQ(test, mtree_load(&mm_mt, start - 1), &low);
	/* remove_mt(): every detached VMA, then the detached tree goes. */
	count = 0;
	mas_set(&mas_detach, start);
	mas_for_each(&mas_detach, vma, ULONG_MAX)
		count++;
	KUNIT_EXPECT_EQ(test, count, 1);
	__mt_destroy(&mt_detach);
	KUNIT_EXPECT_TRUE(test, mtree_empty(&mt_detach));
	KUNIT_EXPECT_EQ(test, mt_validate(&mm_mt), 0);
	__mt_destroy(&mm_mt);
}

#define REF_KEYS 2048

/* Randomized stores and erases against a plain array with one entry per index. */
static void maple_random_small(struct kunit *test)
{
	static void *ref[REF_KEYS];
	struct maple_tree mt;
	unsigned long seed = 12345, i, op, bad = 0;

	mt_init_flags(&mt, MT_FLAGS_ALLOC_RANGE);
	memset(ref, 0, sizeof(ref));
	for (op = 1; op <= 20000 && !bad; op++) {
		unsigned long first, last, k;
		void *entry;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		first = (seed >> 33) % REF_KEYS;
		last = first + (seed >> 20) % 24;
		if (last >= REF_KEYS)
			last = REF_KEYS - 1;
		entry = (seed >> 10) % 4 ? E(op) : NULL;
		if (mtree_store_range(&mt, first, last, entry, GFP_KERNEL))
			bad++;
		for (k = first; k <= last; k++)
			ref[k] = entry;
		if (op % 2000 == 0) {
			for (i = 0; i < REF_KEYS; i++)
				if (mtree_load(&mt, i) != ref[i])
					bad++;
			if (mt_validate(&mt))
				bad++;
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	mtree_destroy(&mt);
}

static void maple_dump(struct kunit *test)
{
	static char buf[8192];
	struct seq_file m;
	DEFINE_MTREE(mt);
	unsigned long i;

	for (i = 0; i < 40; i++)
		mtree_store_range(&mt, 0x1000 * i, 0x1000 * i + 0x7ff, E(i + 1), GFP_KERNEL);
	seq_init(&m, buf, sizeof(buf));
	mt_dump_seq(&m, &mt, mt_dump_hex);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "range64"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "leaf64"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "[0x27000, 0x277ff]"));
	seq_init(&m, buf, sizeof(buf));
	mt_dump_seq(&m, &mt, mt_dump_dot);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "digraph maple_tree {", 20), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, ":s1 -> n"));
	KUNIT_EXPECT_FALSE(test, seq_has_overflowed(&m));
	mtree_destroy(&mt);
}

static struct kunit_case maple_cases[] = {
	KUNIT_CASE(maple_store_load),
	KUNIT_CASE(maple_overwrite_splits),
	KUNIT_CASE(maple_insert),
	KUNIT_CASE(maple_iterate),
	KUNIT_CASE(maple_empty_area),
	KUNIT_CASE(maple_mmap_sequences),
	KUNIT_CASE(maple_random_small),
	KUNIT_CASE(maple_dump),
	{}
};

static struct kunit_suite maple_suite = {
	.name = "maple",
	.init = maple_test_init,
	.test_cases = maple_cases,
};
kunit_test_suite(maple_suite);
