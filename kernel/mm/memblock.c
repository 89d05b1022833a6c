// SPDX-License-Identifier: MIT
/*
 * memblock: physical memory before the buddy allocator exists
 * (Linux mm/memblock.c, much reduced). Two sorted lists of regions:
 * RAM reported by the firmware and the ranges already in use. Early
 * allocations (page tables, mem_map) are carved from RAM minus reserved,
 * top-down below current_limit; memblock_free_all() then releases every
 * page still free to the buddy allocator, which owns memory from then on.
 */
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

/*
 * The boot page tables map only the first 1 GiB, and memblock_alloc()
 * zeroes through __va(), so allocations stay below it until the final
 * kernel page tables map all RAM and raise the limit.
 */
struct memblock memblock = {
	.current_limit = SZ_1G,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, memory_regions, "memory" },
	.reserved = { 0, INIT_MEMBLOCK_REGIONS, reserved_regions, "reserved" },
};

unsigned long max_pfn;	/* one past the highest RAM page frame (set by mm_core_init) */

/* One past the last byte of @region. */
static phys_addr_t region_end(const struct memblock_region *region)
{
	return region->base + region->size;
}

/* Remove region @i of @type, closing the gap. */
static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/*
 * Add [base, base + size) to @type, keeping the list sorted and merging
 * it with every region it overlaps or touches (Linux memblock_add_range
 * followed by memblock_merge_regions).
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i = 0;

	if (size == 0)
		return 0;
	if (end < base)		/* clamp a range that wraps around */
		end = MEMBLOCK_ALLOC_ANYWHERE;

	/* Skip regions that end before the new one starts (not even touching). */
	while (i < type->cnt && region_end(&type->regions[i]) < base)
		i++;
	/* Absorb every region that overlaps or touches [base, end). */
	while (i < type->cnt && type->regions[i].base <= end) {
		base = min(base, type->regions[i].base);
		end = max(end, region_end(&type->regions[i]));
		memblock_remove_region(type, i);
	}
	if (type->cnt == type->max)
		panic("memblock: too many %s regions (max %lu)\n", type->name, type->max);
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	type->cnt++;
	return 0;
}

/* Register [base, base + size) as RAM: 0 (Linux memblock_add). */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/* Mark [base, base + size) as in use: 0 (Linux memblock_reserve). */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/*
 * Find the lowest free range ending above *idx (a physical address
 * cursor), clipped to start at *idx; store it and move the cursor past it.
 * Linux: __next_mem_range() walking memory minus reserved.
 */
bool memblock_next_free_range(unsigned long *idx, phys_addr_t *start, phys_addr_t *end)
{
	phys_addr_t cursor = *idx;
	unsigned long m, r;

	for (m = 0; m < memblock.memory.cnt; m++) {
		const struct memblock_region *mem = &memblock.memory.regions[m];
		phys_addr_t free_start = max(mem->base, cursor), free_end = region_end(mem);

		if (free_end <= cursor)
			continue;
		for (r = 0; r < memblock.reserved.cnt; r++) {
			const struct memblock_region *res = &memblock.reserved.regions[r];

			if (region_end(res) <= free_start)
				continue;
			if (res->base >= free_end)
				break;
			if (res->base <= free_start) {
				free_start = region_end(res);	/* reserved covers the start */
				if (free_start >= free_end)
					break;
				continue;
			}
			free_end = res->base;		/* reserved cuts the range short */
			break;
		}
		if (free_start < free_end) {
			*start = free_start;
			*end = free_end;
			*idx = free_end;
			return true;
		}
	}
	return false;
}

/*
 * Reserve @size bytes aligned to @align in [start, end), as high as they
 * fit; returns their address, or 0 if none (Linux memblock_phys_alloc_range).
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	phys_addr_t found = 0, range_start, range_end;
	unsigned long idx = 0;
	bool have = false;

	if (size == 0)
		return 0;
	if (align == 0)
		align = 1;
	/* Top-down, as Linux's default: the highest fitting candidate of all free ranges. */
	while (memblock_next_free_range(&idx, &range_start, &range_end)) {
		phys_addr_t lo = max(range_start, start), hi = min(range_end, end), candidate;

		if (hi <= lo || hi - lo < size)
			continue;
		candidate = ALIGN_DOWN(hi - size, align);
		if (candidate < lo)
			continue;
		if (!have || candidate > found) {
			found = candidate;
			have = true;
		}
	}
	/* Address 0 doubles as "failed", as in Linux; it is in the reserved first 1 MiB anyway. */
	if (!have || found == 0)
		return 0;
	memblock_reserve(found, size);
	return found;
}

/* Reserve and zero @size bytes below current_limit; panics if none (Linux memblock_alloc). */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc_range(size, align, 0, memblock.current_limit);

	if (!pa)
		panic("memblock_alloc: cannot allocate %lu bytes aligned to 0x%lx below 0x%lx\n",
		      size, align, memblock.current_limit);
	memset(__va(pa), 0, size);
	return pa;
}

/* Later allocations end below @limit (Linux memblock_set_current_limit). */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* Bytes in all regions of @type. */
static phys_addr_t memblock_type_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/* Bytes of RAM registered (Linux memblock_phys_mem_size). */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock_type_size(&memblock.memory);
}

/* Bytes reserved (Linux memblock_reserved_size). */
phys_addr_t memblock_reserved_size(void)
{
	return memblock_type_size(&memblock.reserved);
}

/* The lowest RAM address, or 0 with no RAM (Linux memblock_start_of_DRAM). */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

/* One past the highest RAM address, or 0 with no RAM (Linux memblock_end_of_DRAM). */
phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long cnt = memblock.memory.cnt;

	return cnt ? region_end(&memblock.memory.regions[cnt - 1]) : 0;
}

/* Is [base, base + size) inside one RAM region? (Linux memblock_is_region_memory) */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *region = &memblock.memory.regions[i];

		if (region->base <= base && base + size <= region_end(region))
			return true;
	}
	return false;
}

/*
 * Free page frames [start, end) to the buddy allocator in the largest
 * blocks that are naturally aligned and fit (Linux __free_pages_memory).
 * Returns the pages freed.
 */
static unsigned long __free_pages_memory(unsigned long start, unsigned long end)
{
	unsigned long freed = 0;

	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		if (start)
			order = min_t(unsigned int, order, __builtin_ctzl(start));
		while (start + (1UL << order) > end)
			order--;
		memblock_free_pages(pfn_to_page(start), start, order);
		freed += 1UL << order;
		start += 1UL << order;
	}
	return freed;
}

/* Hand every unreserved page below max_pfn to the buddy allocator; returns how many (Linux). */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long idx = 0, freed = 0;

	while (memblock_next_free_range(&idx, &start, &end)) {
		unsigned long start_pfn = PFN_UP(start);
		unsigned long end_pfn = min(PFN_DOWN(end), max_pfn);

		if (start_pfn < end_pfn)
			freed += __free_pages_memory(start_pfn, end_pfn);
	}
	return freed;
}

/* Print the regions of @type (Linux memblock_dump). */
static void memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *region = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016lx-0x%016lx], 0x%016lx bytes\n",
			type->name, i, region->base, region_end(region) - 1, region->size);
	}
}

/* Print both region lists (Linux __memblock_dump_all). */
void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016lx reserved size = 0x%016lx\n",
		memblock_phys_mem_size(), memblock_reserved_size());
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}
