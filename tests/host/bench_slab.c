// SPDX-License-Identifier: MIT
/*
 * Benchmark of the slab allocator (kernel/mm/slab.c, debugging off) over
 * the real buddy allocator on host memory, beside glibc's malloc/free for
 * the same sizes in the same run. Two patterns per size:
 *   pair:  allocate one object and free it at once, repeatedly;
 *   batch: allocate BATCH objects, then free them all (per alloc+free).
 * Prints ns per alloc+free, glibc's ns, and the ratio (slab / glibc).
 * Each figure is the best of REPEATS runs, slab and glibc interleaved,
 * so a busy machine skews both sides alike. glibc is told not to return
 * memory to the system (M_TRIM_THRESHOLD, M_MMAP_THRESHOLD): otherwise
 * its batch figures would time brk/mmap system calls, not the allocator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <time.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include "host_mm.h"

#define HOST_MEMORY	(256UL << 20)
#define PAIRS		1000000UL
#define BATCH		1000
#define BATCH_ROUNDS	1000
#define REPEATS		5

/* Keep the compiler from dropping an allocation it could prove unused. */
#define use(p)	__asm__ __volatile__("" : : "r"(p) : "memory")

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

enum allocator { KMALLOC, CACHE, GLIBC };

static struct kmem_cache *bench_cache;
static void *batch[BATCH];

static __attribute__((noinline)) void *get(enum allocator a, size_t size)
{
	switch (a) {
	case KMALLOC: return kmalloc(size, GFP_KERNEL);
	case CACHE: return kmem_cache_alloc(bench_cache, GFP_KERNEL);
	default: return malloc(size);
	}
}

static __attribute__((noinline)) void put(enum allocator a, void *p)
{
	switch (a) {
	case KMALLOC: kfree(p); break;
	case CACHE: kmem_cache_free(bench_cache, p); break;
	default: free(p);
	}
}

/* ns per alloc+free pair of @size bytes, one object at a time. */
static double time_pairs(enum allocator a, size_t size)
{
	double start = now_ns();

	for (unsigned long i = 0; i < PAIRS; i++) {
		char *p = get(a, size);

		p[0] = (char)i;
		use(p);
		put(a, p);
	}
	return (now_ns() - start) / PAIRS;
}

/* ns per alloc+free of @size bytes, BATCH live at a time. */
static double time_batches(enum allocator a, size_t size)
{
	double start = now_ns();

	for (unsigned long r = 0; r < BATCH_ROUNDS; r++) {
		for (int i = 0; i < BATCH; i++) {
			char *p = get(a, size);

			p[0] = (char)i;
			use(p);
			batch[i] = p;
		}
		for (int i = 0; i < BATCH; i++)
			put(a, batch[i]);
	}
	return (now_ns() - start) / ((double)BATCH_ROUNDS * BATCH);
}

typedef double (*timer_fn)(enum allocator a, size_t size);

/* Best-of-REPEATS figures of @slab and of glibc for one pattern; prints a row, returns the ratio. */
static double compare(const char *what, timer_fn timer, enum allocator slab, size_t size)
{
	double ns = 1e30, base = 1e30;
	char name[48];

	for (int r = 0; r < REPEATS; r++) {
		double t = timer(GLIBC, size);

		base = t < base ? t : base;
		t = timer(slab, size);
		ns = t < ns ? t : ns;
	}
	snprintf(name, sizeof(name), "%s %zu", what, size);
	printf("%-34s %10.2f %12.2f %8.2fx\n", name, ns, base, ns / base);
	return ns / base;
}

static double worse(double a, double b)
{
	return a > b ? a : b;
}

int main(void)
{
	static const size_t kmalloc_sizes[] = { 8, 64, 192, 256, 1024, 4096, 8192 };
	static const size_t cache_sizes[] = { 64, 200, 256 };
	double worst = 0;

	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	host_mm_boot(HOST_MEMORY);
	printf("slab allocator vs glibc malloc (debugging off; ns per alloc+free, best of %d)\n",
	       REPEATS);
	printf("%-34s %10s %12s %9s\n", "operation", "ns/op", "glibc ns/op", "ratio");
	for (unsigned int i = 0; i < sizeof(cache_sizes) / sizeof(cache_sizes[0]); i++) {
		size_t size = cache_sizes[i];

		/* 256 aligned to 256: the maple_node shape. */
		bench_cache = kmem_cache_create("bench", size, size == 256 ? 256 : 0, 0, NULL);
		worst = worse(worst, compare("kmem_cache_alloc+free pair", time_pairs, CACHE, size));
		worst = worse(worst, compare("kmem_cache_alloc+free batch", time_batches, CACHE,
					     size));
		kmem_cache_destroy(bench_cache);
	}
	for (unsigned int i = 0; i < sizeof(kmalloc_sizes) / sizeof(kmalloc_sizes[0]); i++) {
		size_t size = kmalloc_sizes[i];

		worst = worse(worst, compare("kmalloc+kfree pair", time_pairs, KMALLOC, size));
		worst = worse(worst, compare("kmalloc+kfree batch", time_batches, KMALLOC, size));
	}
	printf("worst ratio %.2fx (target <= 1.00x)\n", worst);
	return 0;
}
