/* SPDX-License-Identifier: MIT */
/*
 * memblock: the boot-time physical memory allocator (Linux's mm/memblock.c).
 * The boot code registers RAM (memblock_add) and the ranges in use
 * (memblock_reserve); early allocations take from RAM minus reserved;
 * memblock_free_all() then hands every remaining free page to the buddy
 * allocator. Both region lists are kept sorted, non-overlapping and merged.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128
#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;			/* regions in use */
	unsigned long max;			/* capacity of regions[] */
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;		/* allocations end below this */
	struct memblock_type memory;		/* RAM */
	struct memblock_type reserved;		/* RAM in use */
};

extern struct memblock memblock;

/* Register [base, base + size) as RAM. Returns 0 (panics if the table is full). */
int memblock_add(phys_addr_t base, phys_addr_t size);
/* Mark [base, base + size) as in use. Returns 0 (panics if the table is full). */
int memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Allocate and zero @size bytes aligned to @align below the current limit; panics if none. */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);
/* Find and reserve @size bytes aligned to @align in [start, end); returns 0 if none (no zeroing). */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
/* Allocations made after this call end below @limit (they are zeroed through __va). */
void memblock_set_current_limit(phys_addr_t limit);

phys_addr_t memblock_phys_mem_size(void);	/* bytes of RAM registered */
phys_addr_t memblock_reserved_size(void);	/* bytes reserved */
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);		/* end of the highest RAM region */
/* Is [base, base + size) entirely inside registered RAM? */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);

/*
 * Walk the free ranges (RAM minus reserved), in ascending order.
 * @idx starts at 0; returns false when there are no more.
 */
bool memblock_next_free_range(unsigned long *idx, phys_addr_t *start, phys_addr_t *end);

/*
 * Give every free page below max_pfn to the buddy allocator, in the
 * largest naturally aligned blocks. Returns the number of pages freed.
 * The zone must have been set up (page_alloc_init_range).
 */
unsigned long memblock_free_all(void);

/* Print both region lists (for memblock=debug style diagnostics). */
void memblock_dump_all(void);

#endif
