// SPDX-License-Identifier: MIT
/*
 * Kernel stacks with guard pages, as Linux's VMAP_STACK: each task's
 * THREAD_SIZE stack is mapped page by page into a slot of the kernel's
 * stack area, and the page below every slot is never mapped, so running
 * off the end of a stack faults (and the double-fault handler reports a
 * stack overflow) instead of silently corrupting the next one.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <asm/pgtable.h>
#include <asm/switch_to.h>

/* In Linux's vmalloc range, 1 GiB in (its start is kept unmapped for crash tests). */
#define STACK_AREA_START	0xffffc90040000000UL
#define STACK_SLOT_SIZE		(THREAD_SIZE + PAGE_SIZE)	/* guard page + stack */
#define MAX_STACKS		MAX_THREAD_STACKS
#define STACK_PAGES		(THREAD_SIZE / PAGE_SIZE)

static unsigned long slot_in_use[MAX_STACKS / 64];

/* The page-table entry for @address in swapper_pg_dir, allocating tables on the way. */
static pte_t *kernel_pte(unsigned long address)
{
	pgd_t *pgd = pgd_offset_pgd(swapper_pg_dir, address);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		set_pgd(pgd, __pgd(__pa(get_zeroed_page(GFP_KERNEL)) | _KERNPG_TABLE));
	pud = pud_offset(pgd, address);
	if (pud_none(*pud))
		set_pud(pud, __pud(__pa(get_zeroed_page(GFP_KERNEL)) | _KERNPG_TABLE));
	pmd = pmd_offset(pud, address);
	if (pmd_none(*pmd))
		set_pmd(pmd, __pmd(__pa(get_zeroed_page(GFP_KERNEL)) | _KERNPG_TABLE));
	return pte_offset_kernel(pmd, address);
}

/*
 * Create the stack area's top-level entry now, before any process page table
 * copies the kernel half: later mappings below it are then seen by all.
 */
void thread_stack_area_init(void)
{
	kernel_pte(STACK_AREA_START);
}

/*
 * Map STACK_PAGES fresh pages in a free slot of the stack area (below each
 * an unmapped guard page); returns the stack's lowest address, or NULL.
 */
void *alloc_thread_stack(void)
{
	unsigned long slot, base;

	for (slot = 0; slot < MAX_STACKS; slot++)
		if (!(slot_in_use[slot / 64] & (1UL << (slot % 64))))
			break;
	if (slot == MAX_STACKS)
		return NULL;
	base = STACK_AREA_START + slot * STACK_SLOT_SIZE + PAGE_SIZE;
	for (unsigned long i = 0; i < STACK_PAGES; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page) {
			while (i--) {
				pte_t *pte = kernel_pte(base + i * PAGE_SIZE);

				__free_page(pfn_to_page(pte_pfn(*pte)));
				pte_clear(pte);
				__flush_tlb_one(base + i * PAGE_SIZE);
			}
			return NULL;
		}
		set_pte(kernel_pte(base + i * PAGE_SIZE), pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	}
	slot_in_use[slot / 64] |= 1UL << (slot % 64);
	return (void *)base;
}

/* Unmap and free a stack from alloc_thread_stack() and release its slot. */
void free_thread_stack(void *stack)
{
	unsigned long base = (unsigned long)stack;
	unsigned long slot = (base - PAGE_SIZE - STACK_AREA_START) / STACK_SLOT_SIZE;

	BUG_ON(slot >= MAX_STACKS || !(slot_in_use[slot / 64] & (1UL << (slot % 64))));
	for (unsigned long i = 0; i < STACK_PAGES; i++) {
		pte_t *pte = kernel_pte(base + i * PAGE_SIZE);

		__free_page(pfn_to_page(pte_pfn(*pte)));
		pte_clear(pte);
		__flush_tlb_one(base + i * PAGE_SIZE);
	}
	slot_in_use[slot / 64] &= ~(1UL << (slot % 64));
}

/* For oops reports: is @address the guard page of a task stack? (overrides the boot-only default) */
bool stack_guard_page_hit(unsigned long address, unsigned long *stack_low, unsigned long *stack_high)
{
	extern char __boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];
	unsigned long offset;

	if (address >= (unsigned long)__boot_stack_guard &&
	    address < (unsigned long)__boot_stack_guard + PAGE_SIZE) {
		*stack_low = (unsigned long)boot_stack_bottom;
		*stack_high = (unsigned long)boot_stack_top;
		return true;
	}
	if (address < STACK_AREA_START || address >= STACK_AREA_START + MAX_STACKS * STACK_SLOT_SIZE)
		return false;
	offset = (address - STACK_AREA_START) % STACK_SLOT_SIZE;
	if (offset >= PAGE_SIZE)
		return false;
	*stack_low = address - offset + PAGE_SIZE;
	*stack_high = *stack_low + THREAD_SIZE;
	return true;
}
