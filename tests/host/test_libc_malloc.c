// SPDX-License-Identifier: MIT
/*
 * The libc's allocator (libc/malloc/malloc.c, built with -DLIBC_HOST_TEST
 * under the libc_test_* names) over a fake break: a fixed arena whose break
 * the test controls (to refuse growth or to move it behind the allocator's
 * back) and an mmap that counts live mappings. Checks glibc's break
 * arithmetic (first growth, trimming), the mmap threshold, errors, and a
 * randomized malloc/free/realloc/calloc/memalign stress with content
 * checks and a full heap-consistency walk.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <kunit/test.h>
#include "../../libc/malloc/malloc_host.h"

#define ARENA_SIZE	(512UL << 20)

static char *arena;		/* the fake heap's address range */
static char *fake_break;
static char *break_limit;	/* growth past this fails with ENOMEM */
static char *foreign_break;	/* the break the test moved itself */
static long live_mappings;
static size_t live_mapped_bytes;

static void arena_init(void)
{
	if (arena)
		return;
	arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (arena == MAP_FAILED)
		abort();
	fake_break = arena;
	break_limit = arena + ARENA_SIZE;
}

/* sbrk with glibc's contract over the arena. */
void *fake_sbrk(intptr_t increment)
{
	char *old = fake_break;

	arena_init();
	if ((increment > 0 && (uintptr_t)increment > (uintptr_t)(break_limit - fake_break)) ||
	    (increment < 0 && (uintptr_t)-increment > (uintptr_t)(fake_break - arena))) {
		errno = ENOMEM;
		return (void *)-1;
	}
	fake_break += increment;
	return old;
}

void *fake_mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	void *p = mmap(addr, length, prot, flags, fd, offset);

	if (p != MAP_FAILED) {
		live_mappings++;
		live_mapped_bytes += length;
	}
	return p;
}

int fake_munmap(void *addr, size_t length)
{
	live_mappings--;
	live_mapped_bytes -= length;
	return munmap(addr, length);
}

static void expect_consistent(struct kunit *test)
{
	char why[160];

	if (libc_test_malloc_check(why, sizeof(why)))
		kunit_fail(test, __FILE__, __LINE__, "heap check", "%s", why);
}

/* Runs first: the first malloc grows the break by 0x21000, like glibc. */
static void malloc_first_growth_like_glibc(struct kunit *test)
{
	char *start, *p;

	arena_init();
	start = fake_sbrk(0);
	p = libc_test_malloc(1024);	/* stdout's buffer on a terminal */
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, fake_sbrk(0), start + 0x21000);
	KUNIT_EXPECT_EQ(test, (uintptr_t)p % 16, 0);
	KUNIT_EXPECT_TRUE(test, p > start && p < start + 0x21000);
	/* A pipe's 4096-byte buffer would also have fit in that first growth. */
	libc_test_free(libc_test_malloc(4096));
	KUNIT_EXPECT_PTR_EQ(test, fake_sbrk(0), start + 0x21000);
	libc_test_free(p);
	expect_consistent(test);
}

/* Filling the heap moves the break up; freeing it all trims back to top_pad. */
static void malloc_free_trims_break(struct kunit *test)
{
	enum { COUNT = 64, SIZE = 16 * 1024 };
	char *blocks[COUNT];
	char *start = fake_sbrk(0), *high;
	int i;

	for (i = 0; i < COUNT; i++) {
		blocks[i] = libc_test_malloc(SIZE);
		KUNIT_ASSERT_NOT_NULL(test, blocks[i]);
		memset(blocks[i], i, SIZE);
	}
	high = fake_sbrk(0);
	KUNIT_EXPECT_GE(test, high - start, (long)(COUNT * SIZE - 0x21000));
	KUNIT_EXPECT_EQ(test, live_mappings, 0);
	expect_consistent(test);
	for (i = 0; i < COUNT; i++)
		libc_test_free(blocks[i]);
	expect_consistent(test);
	/* Left: the bin table, then a top of at most top_pad + MINSIZE + a page. */
	KUNIT_EXPECT_LT(test, (char *)fake_sbrk(0), high);
	KUNIT_EXPECT_LE(test, (char *)fake_sbrk(0) - arena, 0x22000);
	KUNIT_EXPECT_GE(test, (char *)fake_sbrk(0) - arena, 0x20000);
}

static void malloc_large_uses_mmap(struct kunit *test)
{
	char *before = fake_sbrk(0);
	char *big = libc_test_malloc(128 * 1024);
	char *small = libc_test_malloc(128 * 1024 - 100);

	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_EQ(test, live_mappings, 1);
	KUNIT_EXPECT_TRUE(test, big < arena || big >= arena + ARENA_SIZE);
	KUNIT_EXPECT_GE(test, libc_test_malloc_usable_size(big), 128 * 1024);
	memset(big, 0x5a, 128 * 1024);
	big = libc_test_realloc(big, 1 << 20);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, big[128 * 1024 - 1], 0x5a);
	KUNIT_EXPECT_EQ(test, live_mappings, 1);
	libc_test_free(big);
	libc_test_free(small);
	KUNIT_EXPECT_EQ(test, live_mappings, 0);
	KUNIT_EXPECT_EQ(test, live_mapped_bytes, 0);
	KUNIT_EXPECT_PTR_EQ(test, fake_sbrk(0), before);
	expect_consistent(test);
}

static void malloc_errors(struct kunit *test)
{
	char *blocks[64];
	int i, n = 0;
	void *p = (void *)1;

	errno = 0;
	KUNIT_EXPECT_NULL(test, libc_test_calloc(SIZE_MAX / 2, 3));
	KUNIT_EXPECT_EQ(test, errno, ENOMEM);
	errno = 0;
	KUNIT_EXPECT_NULL(test, libc_test_malloc(SIZE_MAX - 10));
	KUNIT_EXPECT_EQ(test, errno, ENOMEM);
	KUNIT_EXPECT_EQ(test, libc_test_posix_memalign(&p, 24, 10), EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, p, (void *)1);
	errno = 0;
	KUNIT_EXPECT_NULL(test, libc_test_aligned_alloc(48, 10));
	KUNIT_EXPECT_EQ(test, errno, EINVAL);

	/* The kernel refuses to move the break: malloc says ENOMEM, heap intact. */
	break_limit = fake_break;
	errno = 0;
	for (i = 0; i < 64; i++) {
		blocks[i] = libc_test_malloc(32 * 1024);
		if (!blocks[i])
			break;
		n++;
	}
	KUNIT_EXPECT_LT(test, n, 64);
	KUNIT_EXPECT_EQ(test, errno, ENOMEM);
	expect_consistent(test);
	break_limit = arena + ARENA_SIZE;
	for (i = 0; i < n; i++)
		libc_test_free(blocks[i]);
	expect_consistent(test);
	KUNIT_EXPECT_NULL(test, libc_test_realloc(libc_test_malloc(10), 0));
}

static void malloc_alignment(struct kunit *test)
{
	static const size_t aligns[] = { 16, 32, 64, 256, 4096, 65536 };
	static const size_t sizes[] = { 1, 24, 100, 5000, 200000 };
	void *p;

	for (size_t a = 0; a < sizeof(aligns) / sizeof(aligns[0]); a++) {
		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			KUNIT_ASSERT_EQ(test, libc_test_posix_memalign(&p, aligns[a], sizes[s]), 0);
			KUNIT_EXPECT_EQ(test, (uintptr_t)p % aligns[a], 0);
			KUNIT_EXPECT_GE(test, libc_test_malloc_usable_size(p), sizes[s]);
			memset(p, 0xee, sizes[s]);
			expect_consistent(test);
			libc_test_free(p);
			p = libc_test_aligned_alloc(aligns[a], sizes[s]);
			KUNIT_ASSERT_NOT_NULL(test, p);
			KUNIT_EXPECT_EQ(test, (uintptr_t)p % aligns[a], 0);
			memset(p, 0xdd, sizes[s]);
			libc_test_free(p);
		}
	}
	expect_consistent(test);
	KUNIT_EXPECT_EQ(test, live_mappings, 0);
}

/* Someone else moves the break between two growths: a new heap segment. */
static void malloc_break_moved_behind_its_back(struct kunit *test)
{
	enum { COUNT = 40 };
	char *blocks[COUNT];
	int i;

	for (i = 0; i < COUNT; i++) {
		if (i == COUNT / 2) {
			fake_sbrk(4096 + 13);	/* a misaligned foreign break */
			foreign_break = fake_sbrk(0);
		}
		blocks[i] = libc_test_malloc(20000);
		KUNIT_ASSERT_NOT_NULL(test, blocks[i]);
		memset(blocks[i], i, 20000);
	}
	expect_consistent(test);
	for (i = 0; i < COUNT; i++) {
		KUNIT_EXPECT_EQ(test, blocks[i][0], i);
		KUNIT_EXPECT_EQ(test, blocks[i][19999], i);
		libc_test_free(blocks[i]);
	}
	expect_consistent(test);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Mostly small, some medium, a few above the mmap threshold. */
static size_t random_size(void)
{
	uint64_t r = rng() % 1000;

	if (r < 700)
		return rng() % 256;
	if (r < 960)
		return rng() % 8192;
	if (r < 995)
		return rng() % 100000;
	return 100000 + rng() % 300000;
}

struct slot {
	unsigned char *p;
	size_t size;
	unsigned char tag;
};

static void fill(struct slot *s)
{
	for (size_t i = 0; i < s->size; i++)
		s->p[i] = (unsigned char)(s->tag + i * 7);
}

static bool intact(const struct slot *s, size_t upto)
{
	for (size_t i = 0; i < upto; i++)
		if (s->p[i] != (unsigned char)(s->tag + i * 7))
			return false;
	return true;
}

static void malloc_random_stress(struct kunit *test)
{
	enum { SLOTS = 1500, OPS = 200000 };
	static struct slot slots[SLOTS];
	int bad = 0, checks = 0;

	for (int op = 0; op < OPS && !bad; op++) {
		struct slot *s = &slots[rng() % SLOTS];
		unsigned int kind = rng() % 10;

		if (s->p && !intact(s, s->size)) {
			kunit_fail(test, __FILE__, __LINE__, "contents", "slot changed at op %d", op);
			bad = 1;
			break;
		}
		if (s->p && kind < 4) {
			libc_test_free(s->p);
			s->p = NULL;
		} else if (s->p && kind < 7) {
			size_t size = random_size();
			unsigned char *p = libc_test_realloc(s->p, size ? size : 1);
			size_t kept = s->size < size ? s->size : size;

			KUNIT_ASSERT_NOT_NULL(test, p);
			s->p = p;
			if (!intact(s, kept)) {
				kunit_fail(test, __FILE__, __LINE__, "realloc", "prefix lost at op %d", op);
				bad = 1;
			}
			s->size = size ? size : 1;
			fill(s);
		} else if (!s->p) {
			s->size = random_size();
			s->tag = (unsigned char)rng();
			if (kind == 7) {
				s->p = libc_test_calloc(1, s->size);
				KUNIT_ASSERT_NOT_NULL(test, s->p);
				for (size_t i = 0; i < s->size; i++)
					if (s->p[i]) {
						kunit_fail(test, __FILE__, __LINE__, "calloc", "not zero");
						bad = 1;
						break;
					}
			} else if (kind == 8) {
				size_t align = 32UL << (rng() % 8);

				s->p = libc_test_memalign(align, s->size);
				KUNIT_ASSERT_NOT_NULL(test, s->p);
				KUNIT_EXPECT_EQ(test, (uintptr_t)s->p % align, 0);
			} else {
				s->p = libc_test_malloc(s->size);
				KUNIT_ASSERT_NOT_NULL(test, s->p);
			}
			KUNIT_EXPECT_GE(test, libc_test_malloc_usable_size(s->p), s->size);
			fill(s);
		}
		if (op % 2000 == 0) {
			expect_consistent(test);
			checks++;
		}
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].p && !intact(&slots[i], slots[i].size))
			kunit_fail(test, __FILE__, __LINE__, "contents", "slot %d changed", i);
		libc_test_free(slots[i].p);
		slots[i].p = NULL;
	}
	expect_consistent(test);
	KUNIT_EXPECT_EQ(test, live_mappings, 0);
	/* All free again: the second segment's top was trimmed to about top_pad. */
	KUNIT_EXPECT_NOT_NULL(test, foreign_break);
	KUNIT_EXPECT_LE(test, (char *)fake_sbrk(0) - foreign_break, 0x22000 + 16);
	kunit_info(test, "%d operations, %d full heap checks, break at arena + %#lx", OPS,
		   checks, (unsigned long)((char *)fake_sbrk(0) - arena));
}

static struct kunit_case libc_malloc_cases[] = {
	KUNIT_CASE(malloc_first_growth_like_glibc),
	KUNIT_CASE(malloc_free_trims_break),
	KUNIT_CASE(malloc_large_uses_mmap),
	KUNIT_CASE(malloc_errors),
	KUNIT_CASE(malloc_alignment),
	KUNIT_CASE(malloc_break_moved_behind_its_back),
	KUNIT_CASE(malloc_random_stress),
	{}
};

static struct kunit_suite libc_malloc_suite = {
	.name = "libc_malloc",
	.test_cases = libc_malloc_cases,
};
kunit_test_suite(libc_malloc_suite);
