// SPDX-License-Identifier: MIT
/*
 * Benchmark of the buddy allocator (kernel/mm/page_alloc.c) on host
 * memory, beside the simplest page allocator there is: singly linked
 * free lists of fixed-size blocks (one list per order), threaded through
 * the free blocks themselves. Both run in the same process, on the same
 * memory, through out-of-line calls. Prints ns per operation and the ratio.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>

#define BENCH_PAGES	16384UL		/* 64 MiB */
#define ROUNDS		5		/* best of */

static void *arena;

/* ---- The baseline: a free list per order, carved once ---- */

static void *free_list_head[MAX_ORDER];

static __noinline void *free_list_alloc(unsigned int order)
{
	void *block = free_list_head[order];

	if (block)
		free_list_head[order] = *(void **)block;
	return block;
}

static __noinline void free_list_free(void *block, unsigned int order)
{
	*(void **)block = free_list_head[order];
	free_list_head[order] = block;
}

/* Carve the arena into order-@order blocks (orders 0..3 each get a quarter). */
static void free_list_init(void)
{
	unsigned long quarter = BENCH_PAGES / 4, pfn;
	unsigned int order;

	for (order = 0; order < 4; order++) {
		free_list_head[order] = NULL;
		for (pfn = order * quarter; pfn < (order + 1) * quarter; pfn += 1UL << order)
			free_list_free((char *)arena + pfn * PAGE_SIZE, order);
	}
}

/* ---- The buddy allocator over the arena ---- */

static void buddy_init(bool pcp)
{
	static struct page *map;

	if (!map)
		map = calloc(BENCH_PAGES, sizeof(*map));
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock_add(0, BENCH_PAGES * PAGE_SIZE);
	page_alloc_init_range(map, 0, BENCH_PAGES, BENCH_PAGES);
	memblock_free_all();
	if (!pcp)
		zone_pcp_disable(&contig_page_data.node_zones[ZONE_NORMAL]);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ---- Workloads; each returns ns per alloc+free pair ---- */

static double pair_buddy(unsigned int order, long iterations)
{
	double start = now_ns();
	long i;

	for (i = 0; i < iterations; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		__free_pages(page, order);
	}
	return (now_ns() - start) / iterations;
}

static double pair_free_list(unsigned int order, long iterations)
{
	double start = now_ns();
	long i;

	for (i = 0; i < iterations; i++)
		free_list_free(free_list_alloc(order), order);
	return (now_ns() - start) / iterations;
}

/*
 * A random mix: keep up to LIVE blocks of orders 0..3, allocating or
 * freeing a random one at each step (the same sequence for both).
 */
#define LIVE	1024
#define MIX_OPS	(1L << 21)

static unsigned char mix_script[MIX_OPS];	/* bit 7: alloc; bits 0-1: order; the rest: victim */

static void mix_script_init(void)
{
	unsigned long long x = 0x9e3779b97f4a7c15ULL;
	long i;

	for (i = 0; i < MIX_OPS; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		mix_script[i] = (unsigned char)x;
	}
}

struct live_slot {
	void *block;
	unsigned int order;
};

static double mix_run(bool buddy)
{
	static struct live_slot live[LIVE];
	unsigned int victim_seed = 1;
	int nr_live = 0;
	double start = now_ns();
	long i, pairs = 0;

	for (i = 0; i < MIX_OPS; i++) {
		unsigned char s = mix_script[i];

		if ((s & 0x80) && nr_live < LIVE) {
			unsigned int order = s & 3;
			void *block = buddy ? (void *)alloc_pages(__GFP_NOWARN, order)
					    : free_list_alloc(order);

			if (block) {
				live[nr_live].block = block;
				live[nr_live++].order = order;
			}
		} else if (nr_live) {
			int v;

			victim_seed = victim_seed * 1103515245u + s;
			v = (int)((victim_seed >> 8) % (unsigned int)nr_live);
			if (buddy)
				__free_pages(live[v].block, live[v].order);
			else
				free_list_free(live[v].block, live[v].order);
			live[v] = live[--nr_live];
			pairs++;
		}
	}
	while (nr_live--) {
		if (buddy)
			__free_pages(live[nr_live].block, live[nr_live].order);
		else
			free_list_free(live[nr_live].block, live[nr_live].order);
	}
	return (now_ns() - start) / pairs;
}

static double best(double a, double b)
{
	return a < b ? a : b;
}

static void row(const char *what, double ns, double base)
{
	printf("%-34s %9.2f %12.2f %7.2fx\n", what, ns, base, ns / base);
}

int main(void)
{
	const long n = 4000000;
	double b0 = 1e30, f0 = 1e30, b3 = 1e30, f3 = 1e30, bm = 1e30, fm = 1e30;
	double b0_nopcp = 1e30, b3_nopcp = 1e30;
	int r;

	arena = aligned_alloc(PAGE_SIZE << (MAX_ORDER - 1), BENCH_PAGES * PAGE_SIZE);
	if (!arena)
		return 1;
	page_offset_base = (unsigned long)arena;
	mix_script_init();
	for (r = 0; r < ROUNDS; r++) {
		free_list_init();
		f0 = best(f0, pair_free_list(0, n));
		f3 = best(f3, pair_free_list(3, n));
		fm = best(fm, mix_run(false));
		buddy_init(true);
		b0 = best(b0, pair_buddy(0, n));
		b3 = best(b3, pair_buddy(3, n));
		bm = best(bm, mix_run(true));
		buddy_init(false);
		b0_nopcp = best(b0_nopcp, pair_buddy(0, n));
		b3_nopcp = best(b3_nopcp, pair_buddy(3, n));
	}
	printf("buddy allocator vs singly-linked free list (ns of CPU time per alloc+free pair, best of %d)\n",
	       ROUNDS);
	printf("%-34s %9s %12s %8s\n", "operation", "ns/op", "baseline", "ratio");
	row("order-0 alloc+free", b0, f0);
	row("order-3 alloc+free", b3, f3);
	row("random mix orders 0-3", bm, fm);
	row("order-0 alloc+free, no pcp lists", b0_nopcp, f0);
	row("order-3 alloc+free, no pcp lists", b3_nopcp, f3);
	return 0;
}
