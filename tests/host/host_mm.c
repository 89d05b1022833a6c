// SPDX-License-Identifier: MIT
/*
 * The kernel's memory allocators over host memory, for host tests and
 * benchmarks that link kernel/mm/page_alloc.c, memblock.c and slab.c: a
 * zone of @bytes of host memory (pfn 0 at its start) with every page handed
 * to the buddy allocator in MAX_ORDER blocks, then the slab allocator's
 * boot. What the kernel's mm_init_all does after memblock, without paging.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include "host_mm.h"

#define BLOCK_PAGES	(1UL << (MAX_ORDER - 1))

void host_mm_boot(unsigned long bytes)
{
	unsigned long pages = bytes / PAGE_SIZE;
	void *memory = aligned_alloc(BLOCK_PAGES * PAGE_SIZE, bytes);
	struct page *map = calloc(pages, sizeof(struct page));

	if (!memory || !map) {
		fprintf(stderr, "host_mm_boot: no %lu bytes of host memory\n", bytes);
		exit(2);
	}
	page_offset_base = (unsigned long)memory;
	page_alloc_init_range(map, 0, pages, pages);
	for (unsigned long pfn = 0; pfn < pages; pfn += BLOCK_PAGES)
		memblock_free_pages(pfn_to_page(pfn), pfn, MAX_ORDER - 1);
	kmem_cache_init();
}
