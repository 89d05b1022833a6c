/* SPDX-License-Identifier: MIT */
/*
 * Page size and the kernel's two views of physical memory:
 *   - the direct map: all RAM at PAGE_OFFSET (Linux x86_64's 0xffff888000000000);
 *   - the kernel image, linked at __START_KERNEL_map (0xffffffff80000000).
 * The host test build sets page_offset_base to a block of host memory.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(x)	(((unsigned long)(x) & (PAGE_SIZE - 1)) == 0)

#define __START_KERNEL_map	0xffffffff80000000UL

#ifdef CONFIG_HOST_TEST
extern unsigned long page_offset_base;
#define PAGE_OFFSET		page_offset_base
#else
#define PAGE_OFFSET		0xffff888000000000UL
#endif

#ifndef __ASSEMBLER__
/* Physical address -> its direct-map virtual address. */
#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
/* Direct-map or kernel-image virtual address -> physical address. */
#define __pa(va)	__phys_addr((unsigned long)(va))
/* Kernel-image symbol -> physical address (only for linker symbols). */
#define __pa_symbol(va)	((unsigned long)(va) - __START_KERNEL_map)

static inline unsigned long __phys_addr(unsigned long va)
{
#ifndef CONFIG_HOST_TEST
	if (va >= __START_KERNEL_map)
		return va - __START_KERNEL_map;
#endif
	return va - PAGE_OFFSET;
}

#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)
#endif

#endif
