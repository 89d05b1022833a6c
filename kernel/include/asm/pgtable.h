/* SPDX-License-Identifier: MIT */
/*
 * x86_64 4-level page tables, in Linux's names (arch/x86/include/asm/
 * pgtable*.h). A virtual address splits into four 9-bit indexes and a
 * 12-bit offset:
 *
 *   47      39 38      30 29      21 20      12 11         0
 *   | pgd idx | pud idx  | pmd idx  | pte idx  |  offset    |
 *
 * Each table is one page of 512 entries. An entry holds the physical
 * address of the next table (or of the mapped page) and the _PAGE_* bits.
 * A pud or pmd entry with _PAGE_PSE maps a 1 GiB or 2 MiB page directly.
 * Linux's p4d level is folded away (4-level paging): pud_offset takes the pgd entry.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page.h>

#define _PAGE_BIT_PRESENT	0	/* maps something */
#define _PAGE_BIT_RW		1	/* writeable */
#define _PAGE_BIT_USER		2	/* user-space accessible */
#define _PAGE_BIT_PWT		3	/* write-through */
#define _PAGE_BIT_PCD		4	/* cache disabled */
#define _PAGE_BIT_ACCESSED	5	/* set by the CPU on access */
#define _PAGE_BIT_DIRTY		6	/* set by the CPU on write */
#define _PAGE_BIT_PSE		7	/* 2 MiB / 1 GiB page (pmd / pud level) */
#define _PAGE_BIT_GLOBAL	8	/* kept in the TLB across CR3 switches (CR4.PGE) */
#define _PAGE_BIT_NX		63	/* no execute (EFER.NXE) */

#define _PAGE_PRESENT	(1UL << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(1UL << _PAGE_BIT_RW)
#define _PAGE_USER	(1UL << _PAGE_BIT_USER)
#define _PAGE_PWT	(1UL << _PAGE_BIT_PWT)
#define _PAGE_PCD	(1UL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(1UL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(1UL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(1UL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_NX	(1UL << _PAGE_BIT_NX)

/* Bits 12..51 of an entry: the physical address it points to. */
#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PGD	512
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_MASK	(~(PMD_SIZE - 1))

#ifndef __ASSEMBLER__

typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define pgd_val(x)	((x).pgd)
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)
#define pte_val(x)	((x).pte)
#define pgprot_val(x)	((x).pgprot)
#define __pgd(x)	((pgd_t){ (x) })
#define __pud(x)	((pud_t){ (x) })
#define __pmd(x)	((pmd_t){ (x) })
#define __pte(x)	((pte_t){ (x) })
#define __pgprot(x)	((pgprot_t){ (x) })

/* Protections (Linux arch/x86/include/asm/pgtable_types.h). */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)
#define __PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | \
				 _PAGE_GLOBAL | _PAGE_NX)
#define __PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define __PAGE_KERNEL_ROX	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_ROX		__pgprot(__PAGE_KERNEL_ROX)
#define PAGE_KERNEL_LARGE	__pgprot(__PAGE_KERNEL | _PAGE_PSE)
#define PAGE_NONE		__pgprot(0)

static inline unsigned long pgd_index(unsigned long address)
{
	return (address >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pud_index(unsigned long address)
{
	return (address >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long address)
{
	return (address >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long address)
{
	return (address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline bool pgd_none(pgd_t pgd)		{ return pgd_val(pgd) == 0; }
static inline bool pud_none(pud_t pud)		{ return pud_val(pud) == 0; }
static inline bool pmd_none(pmd_t pmd)		{ return pmd_val(pmd) == 0; }
static inline bool pte_none(pte_t pte)		{ return pte_val(pte) == 0; }
static inline bool pgd_present(pgd_t pgd)	{ return pgd_val(pgd) & _PAGE_PRESENT; }
static inline bool pud_present(pud_t pud)	{ return pud_val(pud) & _PAGE_PRESENT; }
static inline bool pmd_present(pmd_t pmd)	{ return pmd_val(pmd) & _PAGE_PRESENT; }
static inline bool pte_present(pte_t pte)	{ return pte_val(pte) & _PAGE_PRESENT; }
/* Does the entry map a large page itself rather than point to a table? */
static inline bool pud_large(pud_t pud)		{ return pud_val(pud) & _PAGE_PSE; }
static inline bool pmd_large(pmd_t pmd)		{ return pmd_val(pmd) & _PAGE_PSE; }

static inline bool pte_write(pte_t pte)		{ return pte_val(pte) & _PAGE_RW; }
static inline bool pte_dirty(pte_t pte)		{ return pte_val(pte) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t pte)		{ return pte_val(pte) & _PAGE_ACCESSED; }
static inline bool pte_exec(pte_t pte)		{ return !(pte_val(pte) & _PAGE_NX); }

static inline unsigned long pte_pfn(pte_t pte)	{ return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline unsigned long pmd_pfn(pmd_t pmd)	{ return (pmd_val(pmd) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline unsigned long pud_pfn(pud_t pud)	{ return (pud_val(pud) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline unsigned long pgd_pfn(pgd_t pgd)	{ return (pgd_val(pgd) & PTE_PFN_MASK) >> PAGE_SHIFT; }

/* An entry mapping page frame @pfn with @prot. */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((PFN_PHYS(pfn) & PTE_PFN_MASK) | pgprot_val(prot));
}

static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd((PFN_PHYS(pfn) & PTE_PFN_MASK) | pgprot_val(prot));
}

/* The next-level table an entry points to, through the direct map. */
static inline pud_t *pgd_pgtable(pgd_t pgd)
{
	return (pud_t *)__va(pgd_val(pgd) & PTE_PFN_MASK);
}

static inline pmd_t *pud_pgtable(pud_t pud)
{
	return (pmd_t *)__va(pud_val(pud) & PTE_PFN_MASK);
}

static inline pte_t *pmd_page_vaddr(pmd_t pmd)
{
	return (pte_t *)__va(pmd_val(pmd) & PTE_PFN_MASK);
}

/* Walk one level: the entry for @address in the table the upper entry points to. */
static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long address)
{
	return pgd + pgd_index(address);
}

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long address)
{
	return pgd_pgtable(*pgd) + pud_index(address);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	return pud_pgtable(*pud) + pmd_index(address);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long address)
{
	return pmd_page_vaddr(*pmd) + pte_index(address);
}
#define pte_offset(pmd, address)	pte_offset_kernel(pmd, address)

/* Entries are written with one 64-bit store, so the MMU never sees half of one. */
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)	{ WRITE_ONCE(pgdp->pgd, pgd_val(pgd)); }
static inline void set_pud(pud_t *pudp, pud_t pud)	{ WRITE_ONCE(pudp->pud, pud_val(pud)); }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)	{ WRITE_ONCE(pmdp->pmd, pmd_val(pmd)); }
static inline void set_pte(pte_t *ptep, pte_t pte)	{ WRITE_ONCE(ptep->pte, pte_val(pte)); }
static inline void pte_clear(pte_t *ptep)		{ set_pte(ptep, __pte(0)); }

#define X86_CR4_PGE	(1UL << 7)

#ifdef CONFIG_HOST_TEST
/* Host test builds walk tables in ordinary memory: there is no TLB to manage. */
static inline void __flush_tlb_one(unsigned long addr) { }
static inline void __flush_tlb_all(void) { }
#else
static inline unsigned long read_cr3(void)
{
	unsigned long cr3;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	return cr3;
}

/* Switch to the page tables at physical address @cr3 (flushes non-global TLB entries). */
static inline void write_cr3(unsigned long cr3)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(cr3) : "memory");
}

static inline void native_write_cr4(unsigned long cr4)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(cr4) : "memory");
}

/* Drop the TLB entry for the page holding @addr (Linux __flush_tlb_one_kernel). */
static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Drop every TLB entry, global ones included (toggling CR4.PGE does that). */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(cr4));
	if (cr4 & X86_CR4_PGE) {
		native_write_cr4(cr4 & ~X86_CR4_PGE);
		native_write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}
#endif

/* The kernel's top-level page table (kernel/arch/x86_64/init_64.c). */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#endif /* __ASSEMBLER__ */
#endif
