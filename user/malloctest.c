// SPDX-License-Identifier: MIT
/*
 * malloctest - watch malloc move the break: the first allocation grows
 * the heap by 0x21000 (the request, 128 KiB of top_pad, page-rounded),
 * many small blocks grow it further, freeing them gives the top back with
 * a negative sbrk once 128 KiB or more is free there (M_TRIM_THRESHOLD),
 * and a 1 MiB block comes from mmap without moving the break at all.
 * Exits 1 if the break does not move as described.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCKS		64
#define BLOCK_SIZE	(16 * 1024)

static char *initial;
static int failures;

static void show(const char *what)
{
	char *now = sbrk(0);

	printf("%-44s break = %p (initial + %#lx)\n", what, (void *)now,
	       (unsigned long)(now - initial));
}

static void expect(int ok, const char *what)
{
	if (!ok) {
		printf("  FAILED: %s\n", what);
		failures++;
	}
}

int main(void)
{
	static char *blocks[BLOCKS];
	char why[128], *high, *big;
	int i;

	initial = sbrk(0);
	show("start (this printf mallocs stdout's buffer)");
	show("after the first printf");
	expect((char *)sbrk(0) - initial == 0x21000, "the first growth is 0x21000");

	for (i = 0; i < BLOCKS; i++) {
		blocks[i] = malloc(BLOCK_SIZE);
		if (!blocks[i]) {
			perror("malloc");
			return 1;
		}
		memset(blocks[i], i, BLOCK_SIZE);
		if (i % 16 == 15) {
			char what[64];

			snprintf(what, sizeof(what), "after %d mallocs of 16 KiB", i + 1);
			show(what);
		}
	}
	high = sbrk(0);
	expect(high - initial >= BLOCKS * BLOCK_SIZE, "the heap holds all the blocks");

	/* From the top down, so that the free space at the top keeps growing. */
	for (i = BLOCKS - 1; i >= 0; i--) {
		expect(blocks[i][BLOCK_SIZE - 1] == (char)i, "block contents kept");
		free(blocks[i]);
		if (i % 16 == 0) {
			char what[64];

			snprintf(what, sizeof(what), "after %d frees (top down)", BLOCKS - i);
			show(what);
		}
	}
	expect((char *)sbrk(0) < high, "free trimmed the top with a negative sbrk");
	expect((char *)sbrk(0) - initial <= 0x22000, "only top_pad is kept after trimming");

	big = malloc(1 << 20);
	show("malloc(1 MiB): from mmap, break unchanged");
	printf("%-44s at %p, far from the heap\n", "  the 1 MiB block", (void *)big);
	expect(big && (big < initial || big > (char *)sbrk(0)), "1 MiB comes from mmap");
	free(big);
	show("free(1 MiB): munmap, break unchanged");

	expect(__libc_malloc_check(why, sizeof(why)) == 0, why);
	printf("heap check: %s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
