// SPDX-License-Identifier: MIT
/*
 * Memory set-up at boot: tell memblock which physical memory is RAM and
 * which of it is taken (first 1 MiB, kernel image, boot information,
 * modules), then start the allocators in order: buddy, slab, maple tree.
 */
#include <linux/kernel.h>
#include <linux/multiboot.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/maple_tree.h>
#include <asm/page.h>
#include <asm/sections.h>

/* Give memblock the boot loader's usable RAM minus the first MiB, the kernel, the boot info and modules. */
void setup_memory_map(const struct boot_info *boot)
{
	for (unsigned int i = 0; i < boot->nr_regions; i++)
		if (boot->regions[i].type == MULTIBOOT_MEMORY_AVAILABLE)
			memblock_add(boot->regions[i].base, boot->regions[i].length);
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end) - __pa_symbol(_text));
	for (unsigned int i = 0; i < boot->nr_info; i++)
		memblock_reserve(boot->info[i].start, boot->info[i].end - boot->info[i].start);
	for (unsigned int i = 0; i < boot->nr_modules; i++)
		memblock_reserve(boot->modules[i].start, boot->modules[i].end - boot->modules[i].start);
}

/* Start the memory manager: page allocator, slab caches, maple-tree nodes. */
void mm_init_all(void)
{
	mm_core_init();
	kmem_cache_init();
	maple_tree_init();
}
