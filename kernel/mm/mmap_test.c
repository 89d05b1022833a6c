// SPDX-License-Identifier: MIT
/*
 * KUnit suite `mmap` for the address-space internals (kernel/mm/mmap.c,
 * memory.c, fault.c), on test address spaces made with mm_alloc(): the
 * brk path of the notes (grow, shrink, refusals), __split_vma,
 * do_mas_align_munmap with its detached tree, free_pgtables freeing
 * exactly the empty tables, vma_merge, mmap/munmap/mprotect errors, page
 * faults, fork's dup_mm, and no leaks (buddy pages, page tables, VMA,
 * mm and maple-node objects back where they were after mmput).
 * Runs at boot with ktest=mmap.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/processor.h>
#include <asm/cpufeature.h>

#define HEAP_START	0x600000UL	/* start_brk of the test address spaces */
#define MAP_ANON_PRIVATE	(MAP_PRIVATE | MAP_ANONYMOUS)
#define RW		(PROT_READ | PROT_WRITE)

bool handle_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);

/* ---- helpers ---- */

static unsigned long buddy_free_pages(void)
{
	drain_zone_pages(&contig_page_data.node_zones[ZONE_NORMAL]);
	return nr_free_pages();
}

/* Active objects of the slab cache @name, read from /proc/slabinfo's text. */
static unsigned long slab_active(const char *name)
{
	size_t size = 16384, len = strlen(name);
	char *buf = kmalloc(size, GFP_KERNEL);
	unsigned long active = 0;
	struct seq_file m;
	const char *p;

	if (!buf)
		return ~0UL;
	seq_init(&m, buf, size);
	slabinfo_show(&m);
	for (p = buf; (p = strstr(p, name)) != NULL; p += len) {
		if ((p == buf || p[-1] == '\n') && p[len] == ' ')
			break;
	}
	if (p) {
		for (p += len; *p == ' '; p++)
			;
		while (*p >= '0' && *p <= '9')
			active = active * 10 + (*p++ - '0');
	}
	kfree(buf);
	return active;
}

/* Everything an address space can hold on to. */
struct mm_snapshot {
	unsigned long free_pages, pgtables, vmas, mms, maple_nodes;
};

static void take_snapshot(struct mm_snapshot *s)
{
	proc_caches_init();
	s->vmas = kmem_cache_active_objects(vm_area_cachep);
	s->mms = kmem_cache_active_objects(mm_cachep);
	s->maple_nodes = slab_active("maple_node");
	s->pgtables = nr_page_table_pages;
	s->free_pages = buddy_free_pages();
}

static void expect_same_snapshot(struct kunit *test, const struct mm_snapshot *before)
{
	struct mm_snapshot after;

	take_snapshot(&after);
	KUNIT_EXPECT_EQ(test, after.vmas, before->vmas);
	KUNIT_EXPECT_EQ(test, after.mms, before->mms);
	KUNIT_EXPECT_EQ(test, after.maple_nodes, before->maple_nodes);
	KUNIT_EXPECT_EQ(test, after.pgtables, before->pgtables);
	KUNIT_EXPECT_EQ(test, after.free_pages, before->free_pages);
}

/* A fresh address space whose break starts at HEAP_START. */
static struct mm_struct *test_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm)
		mm->start_brk = mm->brk = HEAP_START;
	return mm;
}

/* brk on @mm through the real system call (current->mm swapped for the call). */
static unsigned long test_brk(struct mm_struct *mm, unsigned long brk)
{
	struct mm_struct *saved = current->mm;
	unsigned long ret;

	current->mm = mm;
	ret = sys_brk(brk);
	current->mm = saved;
	return ret;
}

static unsigned long test_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
			       unsigned long prot, unsigned long flags)
{
	return do_mmap(mm, NULL, addr, len, prot, flags, 0);
}

/* Fault in @addr as a user read or write would; 0 on success. */
static vm_fault_t touch(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);

	if (!vma)
		return VM_FAULT_SIGSEGV;
	return handle_mm_fault(vma, addr, FAULT_FLAG_USER | (write ? FAULT_FLAG_WRITE : 0));
}

/* The pte for @addr, or a none pte when no table covers it. */
static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep;

	return follow_pte(mm, addr, &ptep) ? __pte(0) : *ptep;
}

/* The kernel's view of the page mapped at @addr (NULL if none). */
static u8 *page_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t pte = pte_at(mm, addr);

	if (pte_none(pte))
		return NULL;
	return (u8 *)page_address(pfn_to_page(pte_pfn(pte))) + offset_in_page(addr);
}

/* Does @mm's VMA list read exactly [start0, end0), [start1, end1), ...? */
static bool vmas_are(struct mm_struct *mm, const unsigned long *ranges, int n)
{
	struct vm_area_struct *vma;
	unsigned long index = 0;
	int i = 0;

	mt_for_each(&mm->mm_mt, vma, index, ULONG_MAX) {
		if (i >= n || vma->vm_start != ranges[2 * i] || vma->vm_end != ranges[2 * i + 1])
			return false;
		i++;
	}
	return i == n && mm->map_count == n;
}

/* ---- cases ---- */

static void mm_alloc_layout(struct kunit *test)
{
	struct mm_snapshot before;
	struct mm_struct *mm = mm_alloc();

	/* a first mm_alloc/mmput leaves the caches with a slab in reserve */
	KUNIT_ASSERT_NOT_NULL(test, mm);
	mmput(mm);
	take_snapshot(&before);
	mm = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_EXPECT_EQ(test, mm->mmap_base, 0x7ffff7fff000UL);
	KUNIT_EXPECT_EQ(test, mm->mm_users, 1);
	KUNIT_EXPECT_TRUE(test, mtree_empty(&mm->mm_mt));
	for (int i = 0; i < PTRS_PER_PGD / 2; i++)
		KUNIT_EXPECT_TRUE(test, pgd_none(mm->pgd[i]));
	for (int i = PTRS_PER_PGD / 2; i < PTRS_PER_PGD; i++)
		KUNIT_EXPECT_EQ(test, pgd_val(mm->pgd[i]), pgd_val(swapper_pg_dir[i]));
	mmput(mm);
	expect_same_snapshot(test, &before);
}

static void brk_grow_shrink(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	struct vm_area_struct *heap;
	unsigned long free_before;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_EXPECT_EQ(test, test_brk(mm, 0), HEAP_START);
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START - 1), HEAP_START);
	/* nothing mapped until the break moves past the page boundary */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, mm->map_count, 0);

	/* first growth: a new VMA (vm_area_alloc + mas_store_gfp), byte-exact break */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 1), HEAP_START + 1);
	KUNIT_EXPECT_EQ(test, mm->brk, HEAP_START + 1);
	heap = vma_lookup(mm, HEAP_START);
	KUNIT_ASSERT_NOT_NULL(test, heap);
	KUNIT_EXPECT_EQ(test, heap->vm_end, HEAP_START + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, heap->vm_flags, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
			VM_MAYEXEC | VM_ACCOUNT);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 1);
	KUNIT_EXPECT_EQ(test, mm->data_vm, 1);

	/* growing again expands the same VMA (mas_preallocate + mas_store_prealloc) */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x21000), HEAP_START + 0x21000);
	KUNIT_EXPECT_PTR_EQ(test, vma_lookup(mm, HEAP_START + 0x20000), heap);
	KUNIT_EXPECT_EQ(test, heap->vm_end, HEAP_START + 0x21000);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 0x21);
	/* nothing is populated at brk time */
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 0);

	for (unsigned long a = HEAP_START; a < HEAP_START + 0x21000; a += PAGE_SIZE) {
		KUNIT_EXPECT_EQ(test, touch(mm, a, true), 0);
		*page_at(mm, a) = 0xab;
	}
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0x21);

	/* shrinking gives the pages back to the buddy allocator */
	free_before = buddy_free_pages();
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x1000), HEAP_START + 0x1000);
	KUNIT_EXPECT_EQ(test, heap->vm_end, HEAP_START + 0x1000);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 1);
	KUNIT_EXPECT_GE(test, buddy_free_pages(), free_before + 0x20);
	KUNIT_EXPECT_TRUE(test, pte_none(pte_at(mm, HEAP_START + 0x1000)));

	/* regrown memory reads as zeros */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x3000), HEAP_START + 0x3000);
	KUNIT_EXPECT_EQ(test, touch(mm, HEAP_START + 0x2000, false), 0);
	KUNIT_EXPECT_EQ(test, *page_at(mm, HEAP_START + 0x2000), 0);
	KUNIT_EXPECT_EQ(test, *page_at(mm, HEAP_START), 0xab);

	/* back to start_brk: the heap VMA is gone */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, mm->map_count, 0);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 0);
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 0);
	mmput(mm);
}

static void brk_unaligned_keeps_bytes(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long b = HEAP_START;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	/* a thousand sbrk(1): each returns exactly the asked break */
	for (int i = 0; i < 5000; i++) {
		b++;
		KUNIT_ASSERT_EQ(test, test_brk(mm, b), b);
	}
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, HEAP_START)->vm_end, PAGE_ALIGN(b));
	/* shrink by bytes within the last page: the VMA stays */
	KUNIT_EXPECT_EQ(test, test_brk(mm, b - 3), b - 3);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, HEAP_START)->vm_end, PAGE_ALIGN(b));
	mmput(mm);
}

static void brk_refused_near_mappings(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long wall = HEAP_START + 0x10000, stack = HEAP_START + 0x800000, cur;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, wall, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), wall);
	/* within one page of the next mapping: refused, the old break comes back */
	KUNIT_EXPECT_EQ(test, test_brk(mm, wall - PAGE_SIZE + 1), HEAP_START);
	KUNIT_EXPECT_EQ(test, test_brk(mm, wall), HEAP_START);
	KUNIT_EXPECT_EQ(test, test_brk(mm, wall + 0x5000), HEAP_START);
	/* one free page left between: allowed */
	KUNIT_EXPECT_EQ(test, test_brk(mm, wall - PAGE_SIZE), wall - PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, wall, PAGE_SIZE), 0);

	/* a VM_GROWSDOWN mapping keeps stack_guard_gap free below it */
	KUNIT_ASSERT_EQ(test, test_mmap(mm, stack, 4 * PAGE_SIZE, RW,
					MAP_ANON_PRIVATE | MAP_FIXED | MAP_GROWSDOWN), stack);
	KUNIT_EXPECT_EQ(test, test_brk(mm, stack - stack_guard_gap - PAGE_SIZE + 1), HEAP_START);
	KUNIT_EXPECT_EQ(test, test_brk(mm, stack - stack_guard_gap - PAGE_SIZE),
			stack - stack_guard_gap - PAGE_SIZE);
	/* hostile values: the break does not move */
	cur = mm->brk;
	KUNIT_EXPECT_EQ(test, test_brk(mm, TASK_SIZE + PAGE_SIZE), cur);
	KUNIT_EXPECT_EQ(test, test_brk(mm, -4096UL), cur);
	KUNIT_EXPECT_EQ(test, test_brk(mm, -1UL), cur);
	KUNIT_EXPECT_EQ(test, test_brk(mm, 0xffff888000000000UL), cur);
	/* more than RAM at once: refused by the overcommit heuristic, as on Linux */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + (64UL << 40)), cur);
	KUNIT_EXPECT_EQ(test, mm->brk, cur);
	mmput(mm);
}

/* BEGIN HIDDEN brk */
static void brk_shrink_after_user_unmapped_heap(struct kunit *test)
{
	struct mm_struct *mm = test_mm();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_brk(mm, HEAP_START + 0x4000), HEAP_START + 0x4000);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, HEAP_START, 0x4000), 0);
	/* no VMA intersects [newbrk, oldbrk): the shrink fails, the break stays */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x1000), HEAP_START + 0x4000);
	/* growing maps again from the old (page-aligned) break */
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x6000), HEAP_START + 0x6000);
	KUNIT_EXPECT_TRUE(test, vma_lookup(mm, HEAP_START + 0x4000) != NULL);
	KUNIT_EXPECT_NULL(test, vma_lookup(mm, HEAP_START));
	mmput(mm);
}
/* END HIDDEN brk */

static void brk_data_rlimit(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long saved = current->rlim[RLIMIT_DATA].rlim_cur;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	current->rlim[RLIMIT_DATA].rlim_cur = 0x8000;
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x8000), HEAP_START + 0x8000);
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x8001), HEAP_START + 0x8000);
	current->rlim[RLIMIT_DATA].rlim_cur = saved;
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x8001), HEAP_START + 0x8001);
	mmput(mm);
}

/* The LTP brk02 case: a heap split by mprotect, then shrunk across both VMAs. */
static void brk_shrink_across_mprotect_split(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	static const unsigned long after_split[] = {
		HEAP_START, HEAP_START + 0x2000, HEAP_START + 0x2000, HEAP_START + 0x4000,
	};
	static const unsigned long after_shrink[] = { HEAP_START, HEAP_START + 0x1000 };

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_brk(mm, HEAP_START + 0x4000), HEAP_START + 0x4000);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, HEAP_START + 0x2000, 0x2000, PROT_READ), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, after_split, 2));
	KUNIT_EXPECT_EQ(test, test_brk(mm, HEAP_START + 0x1000), HEAP_START + 0x1000);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, after_shrink, 1));
	KUNIT_EXPECT_EQ(test, mm->total_vm, 1);
	mmput(mm);
}

static void split_vma_halves(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x10000000;
	struct vm_area_struct *vma, *low, *high;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 4 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	vma = vma_lookup(mm, a);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, a >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, __split_vma(mm, vma, a + PAGE_SIZE, 0), 0);
	low = vma_lookup(mm, a);
	high = vma_lookup(mm, a + PAGE_SIZE);
	KUNIT_EXPECT_PTR_EQ(test, low, vma);
	KUNIT_EXPECT_TRUE(test, high && high != low);
	KUNIT_EXPECT_EQ(test, low->vm_end, a + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, high->vm_start, a + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, high->vm_end, a + 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, high->vm_pgoff, (a >> PAGE_SHIFT) + 1);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	/* new_below: the new VMA is the lower part, the old one keeps the top */
	KUNIT_EXPECT_EQ(test, __split_vma(mm, high, a + 3 * PAGE_SIZE, 1), 0);
	KUNIT_EXPECT_PTR_EQ(test, vma_lookup(mm, a + 3 * PAGE_SIZE), high);
	KUNIT_EXPECT_EQ(test, high->vm_start, a + 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, high->vm_pgoff, (a >> PAGE_SHIFT) + 3);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, a + 2 * PAGE_SIZE)->vm_start, a + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	KUNIT_EXPECT_EQ(test, mt_validate(&mm->mm_mt), 0);
	mmput(mm);
}

static void munmap_detached_tree(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x20000000, free_before;
	static const unsigned long left[] = {
		0x20000000, 0x20002000, 0x20006000, 0x20008000,
	};
	static const unsigned long spans[] = {
		0x20000000, 0x20001000, 0x20007000, 0x20008000,
	};

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 8 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	for (int i = 0; i < 8; i++)
		KUNIT_ASSERT_EQ(test, touch(mm, a + i * PAGE_SIZE, true), 0);
	free_before = buddy_free_pages();
	/* the middle: split at both ends, [2, 6) detached and freed */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a + 2 * PAGE_SIZE, 4 * PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, left, 2));
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), free_before + 4);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 4);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 4);
	for (int i = 2; i < 6; i++)
		KUNIT_EXPECT_TRUE(test, pte_none(pte_at(mm, a + i * PAGE_SIZE)));
	KUNIT_EXPECT_FALSE(test, pte_none(pte_at(mm, a + PAGE_SIZE)));
	KUNIT_EXPECT_FALSE(test, pte_none(pte_at(mm, a + 6 * PAGE_SIZE)));

	/* a range spanning both VMAs and the hole: split both, keep the outer pages */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a + PAGE_SIZE, 6 * PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, spans, 2));
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2);
	/* unmapping nothing is fine; bad arguments are EINVAL */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a + 0x100000, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a + 1, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, TASK_SIZE, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, 0xffff888000000000UL, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a, -PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, mt_validate(&mm->mm_mt), 0);
	mmput(mm);
}

static void free_pgtables_exactly_empty(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x40000000;		/* 1 GiB aligned: its own pud entry */
	unsigned long b = a + 4 * PMD_SIZE;	/* same pmd table, another pte table */
	unsigned long c = a + 8 * PAGE_SIZE;	/* same pte table as a, separate VMA */
	unsigned long tables, free_before;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	tables = nr_page_table_pages;
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, b, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), b);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, c, PAGE_SIZE, PROT_READ, MAP_ANON_PRIVATE | MAP_FIXED), c);
	KUNIT_ASSERT_EQ(test, touch(mm, a, true), 0);
	KUNIT_ASSERT_EQ(test, touch(mm, b, true), 0);
	KUNIT_ASSERT_EQ(test, touch(mm, c, false), 0);
	*page_at(mm, a) = 0x5a;
	/* pud table + pmd table + two pte tables */
	KUNIT_EXPECT_EQ(test, nr_page_table_pages, tables + 4);

	/* b's pte table maps nothing else: only it goes */
	free_before = buddy_free_pages();
	KUNIT_EXPECT_EQ(test, do_munmap(mm, b, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, nr_page_table_pages, tables + 3);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), free_before + 2);	/* page + table */

	/* c shares a's pte table: nothing may be freed, a still works */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, c, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, nr_page_table_pages, tables + 3);
	KUNIT_EXPECT_EQ(test, *page_at(mm, a), 0x5a);

	/* a was the last user: pte, pmd and pud tables all go */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, nr_page_table_pages, tables);
	KUNIT_EXPECT_TRUE(test, pgd_none(*pgd_offset(mm, a)));
	mmput(mm);
}

static void vma_merge_cases(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x30000000;
	static const unsigned long one[] = { 0x30000000, 0x30004000 };
	static const unsigned long three[] = {
		0x30000000, 0x30001000, 0x30001000, 0x30003000, 0x30003000, 0x30004000,
	};
	static const unsigned long two[] = {
		0x30000000, 0x30003000, 0x30003000, 0x30004000,
	};
	static const unsigned long upper_grew[] = {
		0x30000000, 0x30001000, 0x30001000, 0x30004000,
	};

	KUNIT_ASSERT_NOT_NULL(test, mm);
	/* adjacent anonymous mappings with the same flags become one VMA (cases 2, 3, 1) */
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 0x3000, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			a + 0x3000);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 0x1000, 0x2000, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			a + 0x1000);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, one, 1));
	/* mprotect of the middle splits into three; back again merges them (case 6) */
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a + 0x1000, 0x2000, PROT_READ), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, three, 3));
	KUNIT_EXPECT_EQ(test, mm->data_vm, 2);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a + 0x1000, 0x2000, RW), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, one, 1));
	KUNIT_EXPECT_EQ(test, mm->data_vm, 4);
	/* the tail joins a read-only neighbour after it (case 4), the rest merges back (case 2/5) */
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a + 0x3000, 0x1000, PROT_READ), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, two, 2));
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a + 0x2000, 0x1000, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, a + 0x2000)->vm_end, a + 0x4000);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, a + 0x2000)->vm_start, a + 0x2000);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a + 0x2000, 0x1000, RW), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, two, 2));
	KUNIT_EXPECT_EQ(test, do_munmap(mm, a, 0x4000), 0);

	/*
	 * Two mappings whose pages were written have different anon_vmas:
	 * filling the hole between them merges with one of them only. Linux
	 * 6.1's mmap_region tries the next VMA first, so the upper one grows.
	 */
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 0x3000, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			a + 0x3000);
	KUNIT_ASSERT_EQ(test, touch(mm, a, true), 0);
	KUNIT_ASSERT_EQ(test, touch(mm, a + 0x3000, true), 0);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 0x1000, 0x2000, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			a + 0x1000);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, upper_grew, 2));
	KUNIT_EXPECT_EQ(test, mt_validate(&mm->mm_mt), 0);
	mmput(mm);
}

static void mmap_placement_and_errors(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long base, first, second, hint = 0x50000000, saved_max = sysctl_max_map_count;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	base = mm->mmap_base;
	/* top-down below mmap_base */
	first = test_mmap(mm, 0, 0x3000, RW, MAP_ANON_PRIVATE);
	KUNIT_EXPECT_EQ(test, first, base - 0x3000);
	second = test_mmap(mm, 0, PAGE_SIZE, PROT_READ, MAP_ANON_PRIVATE);
	KUNIT_EXPECT_EQ(test, second, first - PAGE_SIZE);
	/* a free hint is honoured (rounded down to a page); a taken one is not */
	KUNIT_EXPECT_EQ(test, test_mmap(mm, hint + 5, PAGE_SIZE, RW, MAP_ANON_PRIVATE), hint);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, hint, PAGE_SIZE, PROT_READ, MAP_ANON_PRIVATE),
			second - PAGE_SIZE);
	/* MAP_FIXED_NOREPLACE refuses, MAP_FIXED replaces */
	KUNIT_EXPECT_EQ(test, test_mmap(mm, hint, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED_NOREPLACE),
			(unsigned long)-EEXIST);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, hint, PAGE_SIZE, PROT_READ, MAP_ANON_PRIVATE | MAP_FIXED),
			hint);
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, hint)->vm_flags & VM_WRITE, 0);
	/* errors */
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0, 0, RW, MAP_ANON_PRIVATE), (unsigned long)-EINVAL);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, hint + 1, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			(unsigned long)-EINVAL);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0xffff888000000000UL, PAGE_SIZE, RW,
					MAP_ANON_PRIVATE | MAP_FIXED), (unsigned long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0, PAGE_SIZE, RW, MAP_ANONYMOUS),
			(unsigned long)-EINVAL);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0, -PAGE_SIZE, RW, MAP_ANON_PRIVATE),
			(unsigned long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0, TASK_SIZE, RW, MAP_ANON_PRIVATE),
			(unsigned long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, test_mmap(mm, PAGE_SIZE, PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED),
			(unsigned long)-EPERM);
	/* mprotect errors */
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, hint + 1, PAGE_SIZE, PROT_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, hint, PAGE_SIZE, 0x10), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, hint + PAGE_SIZE, PAGE_SIZE, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, hint, 2 * PAGE_SIZE, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, hint, 0, PROT_READ), 0);
	/* the VMA limit: splits and new mappings past sysctl_max_map_count fail */
	sysctl_max_map_count = mm->map_count;
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, first + PAGE_SIZE, PAGE_SIZE, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, first + PAGE_SIZE, PAGE_SIZE), -ENOMEM);
	sysctl_max_map_count = mm->map_count - 1;
	KUNIT_EXPECT_EQ(test, test_mmap(mm, 0, PAGE_SIZE, PROT_EXEC, MAP_ANON_PRIVATE),
			(unsigned long)-ENOMEM);
	sysctl_max_map_count = saved_max;
	KUNIT_EXPECT_EQ(test, mt_validate(&mm->mm_mt), 0);
	mmput(mm);
}

static void faults_zero_page_and_write(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x60000000;
	pte_t pte;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 2 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	/* a read maps the shared zero page, read-only, not counted */
	KUNIT_EXPECT_EQ(test, touch(mm, a, false), 0);
	pte = pte_at(mm, a);
	KUNIT_EXPECT_EQ(test, pte_pfn(pte), __pa(empty_zero_page) >> PAGE_SHIFT);
	KUNIT_EXPECT_FALSE(test, pte_write(pte));
	KUNIT_EXPECT_TRUE(test, pte_val(pte) & _PAGE_USER);
	KUNIT_EXPECT_FALSE(test, pte_exec(pte));
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 0);
	/* a write then gets a private zeroed page (do_wp_page) */
	KUNIT_EXPECT_EQ(test, touch(mm, a, true), 0);
	pte = pte_at(mm, a);
	KUNIT_EXPECT_NE(test, pte_pfn(pte), __pa(empty_zero_page) >> PAGE_SHIFT);
	KUNIT_EXPECT_TRUE(test, pte_write(pte));
	KUNIT_EXPECT_EQ(test, *page_at(mm, a), 0);
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 1);
	/* mprotect updates the ptes: read-only, PROT_NONE (not present), back */
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a, PAGE_SIZE, PROT_READ), 0);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(mm, a)));
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a, PAGE_SIZE, PROT_NONE), 0);
	KUNIT_EXPECT_FALSE(test, pte_present(pte_at(mm, a)));
	KUNIT_EXPECT_EQ(test, do_mprotect(mm, a, PAGE_SIZE, RW), 0);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(mm, a)));
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 1);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	mmput(mm);
}

static void fault_handler_decisions(struct kunit *test)
{
	struct mm_struct *mm = test_mm(), *saved = current->mm;
	unsigned long a = 0x70000000, stack = 0x7f0000000000UL, pending = current->pending_signals;
	/* a uaccess fault happens inside user_access_begin/end: EFLAGS.AC is set */
	struct pt_regs kregs = { .cs = 0x08, .rflags = X86_EFLAGS_AC }, no_door = { .cs = 0x08 };
	struct pt_regs uregs = { .cs = 0x2b, .rip = 0x401000 };

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, PAGE_SIZE, PROT_READ, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, stack, PAGE_SIZE, RW,
					MAP_ANON_PRIVATE | MAP_FIXED | MAP_GROWSDOWN), stack);
	current->mm = mm;
	/* kernel-mode (uaccess) faults: good ones resolved, bad ones left to the fixup */
	KUNIT_EXPECT_TRUE(test, handle_page_fault(&kregs, 0, a));
	KUNIT_EXPECT_TRUE(test, pte_present(pte_at(mm, a)));
	KUNIT_EXPECT_FALSE(test, handle_page_fault(&kregs, X86_PF_WRITE | X86_PF_PROT, a));
	KUNIT_EXPECT_FALSE(test, handle_page_fault(&kregs, 0, a + PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, handle_page_fault(&kregs, 0, 0xffff888000100000UL));
	/* outside the door, with SMAP on, a kernel access to user memory is a bug */
	KUNIT_EXPECT_EQ(test, smap_violation(&no_door, 0, a), boot_cpu_has(X86_FEATURE_SMAP));
	KUNIT_EXPECT_FALSE(test, smap_violation(&kregs, 0, a));
	KUNIT_EXPECT_FALSE(test, smap_violation(&no_door, 0, 0xffff888000100000UL));
	KUNIT_EXPECT_FALSE(test, smap_violation(&uregs, X86_PF_USER, a));
	/* the stack grows down on a fault below it */
	KUNIT_EXPECT_TRUE(test, handle_page_fault(&kregs, X86_PF_WRITE, stack - 3 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, vma_lookup(mm, stack)->vm_start, stack - 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->stack_vm, 4);
	/* a user-mode bad access is handled: SIGSEGV queued */
	KUNIT_EXPECT_TRUE(test, handle_page_fault(&uregs, X86_PF_USER | X86_PF_WRITE | X86_PF_PROT, a));
	KUNIT_EXPECT_TRUE(test, current->pending_signals & (1UL << (SIGSEGV - 1)));
	current->pending_signals = pending;
	current->mm = saved;
	mmput(mm);
}

/* The struct page mapped at @addr in @mm (NULL if none). */
static struct page *page_struct_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t pte = pte_at(mm, addr);

	return pte_none(pte) ? NULL : pfn_to_page(pte_pfn(pte));
}

static void fork_copies_vmas_and_brk(struct kunit *test)
{
	struct mm_struct *parent = test_mm(), *child;
	unsigned long a = 0x10000000;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	KUNIT_ASSERT_EQ(test, test_brk(parent, HEAP_START + 0x3000), HEAP_START + 0x3000);
	KUNIT_ASSERT_EQ(test, test_mmap(parent, a, 2 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, touch(parent, HEAP_START, true), 0);
	KUNIT_ASSERT_EQ(test, touch(parent, a + PAGE_SIZE, false), 0);
	child = dup_mm(parent);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, child->map_count, 2);
	KUNIT_EXPECT_EQ(test, child->brk, HEAP_START + 0x3000);
	KUNIT_EXPECT_EQ(test, child->total_vm, parent->total_vm);
	/* the zero page is shared as it is, never counted */
	KUNIT_EXPECT_EQ(test, pte_pfn(pte_at(child, a + PAGE_SIZE)), __pa(empty_zero_page) >> PAGE_SHIFT);
	/* the child's brk works on its own tree */
	KUNIT_EXPECT_EQ(test, test_brk(child, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, parent->map_count, 2);
	KUNIT_EXPECT_EQ(test, *page_at(parent, HEAP_START), 0);
	mmput(child);
	mmput(parent);
}

/* A parent with one written heap page holding 42, and its fork in *@child. */
static struct mm_struct *cow_parent_and_child(struct mm_struct **child)
{
	struct mm_struct *parent = test_mm();

	*child = NULL;
	if (!parent)
		return NULL;
	if (test_brk(parent, HEAP_START + PAGE_SIZE) != HEAP_START + PAGE_SIZE ||
	    touch(parent, HEAP_START, true)) {
		mmput(parent);
		return NULL;
	}
	*page_at(parent, HEAP_START) = 42;
	*child = dup_mm(parent);
	if (!*child) {
		mmput(parent);
		return NULL;
	}
	return parent;
}

static void fork_shares_pages_read_only(struct kunit *test)
{
	struct mm_struct *child, *parent = cow_parent_and_child(&child);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	page = page_struct_at(parent, HEAP_START);
	/* one page, two read-only mappings, two references, counted in both mms */
	KUNIT_EXPECT_PTR_EQ(test, page_struct_at(child, HEAP_START), page);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(parent, HEAP_START)));
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(child, HEAP_START)));
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);
	KUNIT_EXPECT_EQ(test, page->_mapcount, 1);
	KUNIT_EXPECT_EQ(test, get_mm_rss(parent), 1);
	KUNIT_EXPECT_EQ(test, get_mm_rss(child), 1);
	KUNIT_EXPECT_EQ(test, *page_at(child, HEAP_START), 42);
	mmput(child);
	mmput(parent);
}

static void cow_write_copies_then_last_holder_reuses(struct kunit *test)
{
	struct mm_struct *child, *parent = cow_parent_and_child(&child), *saved = current->mm;
	struct pt_regs kregs = { .cs = 0x08, .rflags = X86_EFLAGS_AC };	/* a uaccess fault */
	struct page *page;
	unsigned long free_before;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	page = page_struct_at(parent, HEAP_START);
	/* the child writes (a uaccess write fault): it gets its own copy */
	current->mm = child;
	KUNIT_EXPECT_TRUE(test, handle_page_fault(&kregs, X86_PF_WRITE | X86_PF_PROT, HEAP_START));
	current->mm = saved;
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(child, HEAP_START)));
	KUNIT_EXPECT_TRUE(test, page_struct_at(child, HEAP_START) != page);
	KUNIT_EXPECT_EQ(test, *page_at(child, HEAP_START), 42);
	*page_at(child, HEAP_START) = 7;
	KUNIT_EXPECT_EQ(test, *page_at(parent, HEAP_START), 42);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(parent, HEAP_START)));
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, page->_mapcount, 0);
	KUNIT_EXPECT_EQ(test, get_mm_rss(parent), 1);
	KUNIT_EXPECT_EQ(test, get_mm_rss(child), 1);
	/* the parent now holds the only reference: its write reuses the page, no allocation */
	free_before = buddy_free_pages();
	KUNIT_EXPECT_EQ(test, touch(parent, HEAP_START, true), 0);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), free_before);
	KUNIT_EXPECT_PTR_EQ(test, page_struct_at(parent, HEAP_START), page);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(parent, HEAP_START)));
	KUNIT_EXPECT_EQ(test, *page_at(parent, HEAP_START), 42);
	KUNIT_EXPECT_EQ(test, *page_at(child, HEAP_START), 7);
	mmput(child);
	mmput(parent);
}

/* BEGIN HIDDEN cow */
/* Fork, then unmap the shared page in the child and in the parent; refcounts checked on the way. */
static void cow_unmap_both(struct kunit *test)
{
	struct mm_struct *child, *parent = cow_parent_and_child(&child);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	page = page_struct_at(parent, HEAP_START);
	KUNIT_EXPECT_EQ(test, test_brk(child, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, page->_mapcount, 0);
	KUNIT_EXPECT_EQ(test, get_mm_rss(child), 0);
	KUNIT_EXPECT_EQ(test, *page_at(parent, HEAP_START), 42);
	mmput(child);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, test_brk(parent, HEAP_START), HEAP_START);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 0);
	mmput(parent);
}

static void cow_unmap_of_both_frees_the_page(struct kunit *test)
{
	unsigned long free_before;

	cow_unmap_both(test);	/* warm-up: the slab caches reach their working size */
	free_before = buddy_free_pages();
	cow_unmap_both(test);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), free_before);
}
/* END HIDDEN cow */

static void mprotect_keeps_cow_page_read_only(struct kunit *test)
{
	struct mm_struct *child, *parent = cow_parent_and_child(&child);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, parent);
	page = page_struct_at(parent, HEAP_START);
	KUNIT_EXPECT_EQ(test, do_mprotect(parent, HEAP_START, PAGE_SIZE, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, do_mprotect(parent, HEAP_START, PAGE_SIZE, RW), 0);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(parent, HEAP_START)));
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);
	/* the write copies; the child's view is untouched */
	KUNIT_EXPECT_EQ(test, touch(parent, HEAP_START, true), 0);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(parent, HEAP_START)));
	KUNIT_EXPECT_TRUE(test, page_struct_at(parent, HEAP_START) != page);
	*page_at(parent, HEAP_START) = 9;
	KUNIT_EXPECT_EQ(test, *page_at(child, HEAP_START), 42);
	/* the child's page is its own now: mprotect RW makes it writable at once */
	KUNIT_EXPECT_EQ(test, do_mprotect(child, HEAP_START, PAGE_SIZE, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, do_mprotect(child, HEAP_START, PAGE_SIZE, RW), 0);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(child, HEAP_START)));
	KUNIT_EXPECT_PTR_EQ(test, page_struct_at(child, HEAP_START), page);
	mmput(child);
	mmput(parent);
}

/* ---- mremap and madvise (kernel/mm/mremap.c, madvise.c) ---- */

/* mremap on @mm through the real system call (current->mm swapped for the call). */
static unsigned long test_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
				 unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct mm_struct *saved = current->mm;
	unsigned long ret;

	current->mm = mm;
	ret = sys_mremap(addr, old_len, new_len, flags, new_addr);
	current->mm = saved;
	return ret;
}

/* Moving keeps the pages: the same struct pages, counts and rss at the new address. */
static void mremap_moves_ptes_not_pages(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x10000000, b;
	struct page *page0, *page2;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 4 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	/* a different VMA right after: growing must move */
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 4 * PAGE_SIZE, PAGE_SIZE, PROT_READ,
					MAP_ANON_PRIVATE | MAP_FIXED), a + 4 * PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, touch(mm, a, true), 0);
	KUNIT_ASSERT_EQ(test, touch(mm, a + PAGE_SIZE, false), 0);
	KUNIT_ASSERT_EQ(test, touch(mm, a + 2 * PAGE_SIZE, true), 0);
	*page_at(mm, a + 2 * PAGE_SIZE) = 0x77;
	page0 = page_struct_at(mm, a);
	page2 = page_struct_at(mm, a + 2 * PAGE_SIZE);

	KUNIT_EXPECT_EQ(test, test_mremap(mm, a, 4 * PAGE_SIZE, 8 * PAGE_SIZE, 0, 0), -ENOMEM);
	b = test_mremap(mm, a, 4 * PAGE_SIZE, 8 * PAGE_SIZE, MREMAP_MAYMOVE, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(b));
	KUNIT_EXPECT_NE(test, b, a);
	KUNIT_EXPECT_PTR_EQ(test, page_struct_at(mm, b), page0);
	KUNIT_EXPECT_PTR_EQ(test, page_struct_at(mm, b + 2 * PAGE_SIZE), page2);
	KUNIT_EXPECT_EQ(test, *page_at(mm, b + 2 * PAGE_SIZE), 0x77);
	KUNIT_EXPECT_EQ(test, page_ref_count(page0), 1);
	KUNIT_EXPECT_EQ(test, pte_pfn(pte_at(mm, b + PAGE_SIZE)), __pa(empty_zero_page) >> PAGE_SHIFT);
	KUNIT_EXPECT_TRUE(test, pte_none(pte_at(mm, b + 3 * PAGE_SIZE)));
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 2);
	KUNIT_EXPECT_NULL(test, vma_lookup(mm, a));
	KUNIT_EXPECT_TRUE(test, pte_none(pte_at(mm, a)));
	KUNIT_EXPECT_EQ(test, mm->total_vm, 9);
	mmput(mm);
}

/* A 4 MiB move between addresses with different 2 MiB alignment: every pte table is crossed. */
static void mremap_moves_across_pmds(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x10100000, b = 0x20380000, len = 4UL << 20, addr;
	bool moved = true;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, len, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	for (addr = a; addr < a + len; addr += 16 * PAGE_SIZE) {
		KUNIT_ASSERT_EQ(test, touch(mm, addr, true), 0);
		*page_at(mm, addr) = (u8)(addr >> 16);
	}
	KUNIT_ASSERT_EQ(test, test_mremap(mm, a, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, b), b);
	for (addr = 0; addr < len; addr += 16 * PAGE_SIZE)
		moved &= page_at(mm, b + addr) && *page_at(mm, b + addr) == (u8)((a + addr) >> 16) &&
			 pte_none(pte_at(mm, a + addr));
	KUNIT_EXPECT_TRUE(test, moved);
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), len / (16 * PAGE_SIZE));
	mmput(mm);
}

/* Growing into a free range extends the VMA, and vma_merge joins the next one if it matches. */
static void mremap_grows_in_place_and_merges(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x10000000;
	const unsigned long one[] = { a, a + 4 * PAGE_SIZE };

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 2 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a + 3 * PAGE_SIZE, PAGE_SIZE, RW,
					MAP_ANON_PRIVATE | MAP_FIXED), a + 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, test_mremap(mm, a, 2 * PAGE_SIZE, 3 * PAGE_SIZE, 0, 0), a);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, one, 1));
	KUNIT_EXPECT_EQ(test, mm->total_vm, 4);
	/* shrinking unmaps the tail */
	KUNIT_EXPECT_EQ(test, test_mremap(mm, a, 4 * PAGE_SIZE, PAGE_SIZE, 0, 0), a);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 1);
	mmput(mm);
}

/* MADV_DONTNEED gives the pages back to the buddy allocator; the VMA stays. */
static void madvise_dontneed_frees_pages(struct kunit *test)
{
	struct mm_struct *mm = test_mm();
	unsigned long a = 0x10000000, free_before;
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 4 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	for (int i = 0; i < 4; i++)
		KUNIT_ASSERT_EQ(test, touch(mm, a + i * PAGE_SIZE, true), 0);
	page = page_struct_at(mm, a + PAGE_SIZE);
	free_before = buddy_free_pages();
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a + PAGE_SIZE, 2 * PAGE_SIZE, MADV_DONTNEED), 0);
	KUNIT_EXPECT_EQ(test, buddy_free_pages(), free_before + 2);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 0);
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 2);
	KUNIT_EXPECT_TRUE(test, pte_none(pte_at(mm, a + 2 * PAGE_SIZE)));
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, 12345), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a + 1, PAGE_SIZE, MADV_DONTNEED), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a, 8 * PAGE_SIZE, MADV_DONTNEED), -ENOMEM);
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 0);
	mmput(mm);
}

/* MADV_DONTFORK splits the VMA off, fork leaves it out; MADV_DOFORK merges it back. */
static void madvise_dontfork_splits_and_fork_skips(struct kunit *test)
{
	struct mm_struct *mm = test_mm(), *child;
	unsigned long a = 0x10000000;
	const unsigned long three[] = { a, a + PAGE_SIZE, a + PAGE_SIZE, a + 2 * PAGE_SIZE,
					a + 2 * PAGE_SIZE, a + 3 * PAGE_SIZE };
	const unsigned long child_two[] = { a, a + PAGE_SIZE, a + 2 * PAGE_SIZE, a + 3 * PAGE_SIZE };
	const unsigned long one[] = { a, a + 3 * PAGE_SIZE };

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, test_mmap(mm, a, 3 * PAGE_SIZE, RW, MAP_ANON_PRIVATE | MAP_FIXED), a);
	KUNIT_ASSERT_EQ(test, touch(mm, a + PAGE_SIZE, true), 0);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a + PAGE_SIZE, PAGE_SIZE, MADV_DONTFORK), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, three, 3));
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_TRUE(test, vmas_are(child, child_two, 2));
	KUNIT_EXPECT_EQ(test, child->total_vm, 2);
	KUNIT_EXPECT_EQ(test, get_mm_rss(child), 0);
	mmput(child);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, a + PAGE_SIZE, PAGE_SIZE, MADV_DOFORK), 0);
	KUNIT_EXPECT_TRUE(test, vmas_are(mm, one, 1));
	mmput(mm);
}

/* ---- where mmap puts a mapping: the search cache against the full search ---- */

/*
 * Linux 6.1's get_unmapped_area without a hint, computed afresh: the
 * highest free window below mmap_base, else the lowest from TASK_UNMAPPED_BASE.
 */
static unsigned long full_search(struct mm_struct *mm, unsigned long len)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	if (!mas_empty_area_rev(&mas, PAGE_SIZE, mm->mmap_base - 1, len))
		return mas.last + 1 - len;
	mas_set(&mas, 0);
	if (!mas_empty_area(&mas, TASK_UNMAPPED_BASE, TASK_SIZE - 1, len))
		return mas.index;
	return -ENOMEM;
}

static unsigned long next_random(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return *seed >> 33;
}

/* One random change to the 32 MiB under mmap_base (and a little above it, and the heap). */
static void random_change(struct mm_struct *mm, unsigned long *seed)
{
	unsigned long r = next_random(seed), area = mm->mmap_base - (32UL << 20);
	unsigned long addr = area + (next_random(seed) % 8448) * PAGE_SIZE;
	unsigned long len = (1 + next_random(seed) % (r % 5 ? 8 : 300)) * PAGE_SIZE;
	unsigned long prot = next_random(seed) % 3 ? RW : PROT_READ;
	struct vm_area_struct *vma;

	switch (r % 8) {
	case 0: case 1: case 2:		/* top-down, as most mmaps */
		test_mmap(mm, 0, len, prot, MAP_ANON_PRIVATE);
		break;
	case 3:				/* a hole anywhere, or one reaching just past the cache */
		if (r % 16 < 8)
			addr = mm->free_area_cache - (r % 16 % 3) * PAGE_SIZE;
		do_munmap(mm, addr, len);
		break;
	case 4:
		test_mmap(mm, addr, len, prot, MAP_ANON_PRIVATE | MAP_FIXED);
		break;
	case 5:				/* a hint */
		test_mmap(mm, addr, len, prot, MAP_ANON_PRIVATE);
		break;
	case 6:				/* shrink, grow or move a mapping */
		vma = find_vma(mm, addr);
		if (vma)
			test_mremap(mm, vma->vm_start, vma->vm_end - vma->vm_start,
				    len, MREMAP_MAYMOVE, 0);
		break;
	default:			/* the heap, far below */
		test_brk(mm, HEAP_START + (next_random(seed) % 64) * PAGE_SIZE);
		break;
	}
}

/*
 * mmap searches below mm->free_area_cache when it may (mmap.c): after any
 * mix of mmap, munmap, MAP_FIXED, hints, mremap and brk, every length gets
 * the address the full search from mmap_base gives, and the cache is used.
 */
static void mmap_search_cache_is_exact(struct kunit *test)
{
	static const unsigned long pages[] = { 1, 2, 3, 8, 64, 301 };
	struct mm_struct *mm = test_mm();
	unsigned long seed = 2026, step, wrong = 0, below_base = 0;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	for (step = 0; step < 3000; step++) {
		unsigned long len = pages[next_random(&seed) % ARRAY_SIZE(pages)] * PAGE_SIZE;
		unsigned long want = full_search(mm, len), got;

		if (mm->free_area_cache < mm->mmap_base && len > mm->cached_hole_size)
			below_base++;
		got = get_unmapped_area(mm, NULL, 0, len, 0, 0);
		if (got != want && wrong++ < 5)
			kunit_info(test, "step %lu: %lu pages at %lx, the full search: %lx",
				   step, len >> PAGE_SHIFT, got, want);
		random_change(mm, &seed);
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_GT(test, below_base, 1000);
	KUNIT_EXPECT_EQ(test, mt_validate(&mm->mm_mt), 0);
	mmput(mm);
}

/* A process's life in one mm: heap to 64 MiB and back, mappings, mremap, madvise, fork; nothing left after. */
static void scenario(void)
{
	struct mm_struct *mm = test_mm(), *child;

	if (!mm)
		return;
	test_brk(mm, HEAP_START + (64UL << 20));
	for (unsigned long a = HEAP_START; a < HEAP_START + (64UL << 20); a += 16 * PAGE_SIZE)
		touch(mm, a, true);
	test_brk(mm, HEAP_START + 0x21000);
	test_mmap(mm, 0, 0x40000, RW, MAP_ANON_PRIVATE);
	touch(mm, mm->mmap_base - PAGE_SIZE, true);
	do_mprotect(mm, mm->mmap_base - 0x20000, 0x10000, PROT_READ);
	test_mremap(mm, mm->mmap_base - 0x40000, 0x10000, 0x80000, MREMAP_MAYMOVE, 0);
	do_madvise(mm, mm->mmap_base - 0x10000, 0x8000, MADV_DONTNEED);
	do_madvise(mm, mm->mmap_base - 0x10000, 0x4000, MADV_DONTFORK);
	child = dup_mm(mm);
	if (child)
		mmput(child);
	mmput(mm);
}

static void no_leaks(struct kunit *test)
{
	struct mm_snapshot before;

	/* the first run fills the slab caches' reserves; the second must leave all as found */
	scenario();
	take_snapshot(&before);
	scenario();
	expect_same_snapshot(test, &before);
}

static struct kunit_case mmap_test_cases[] = {
	KUNIT_CASE(mm_alloc_layout),
	KUNIT_CASE(brk_grow_shrink),
	KUNIT_CASE(brk_unaligned_keeps_bytes),
	KUNIT_CASE(brk_refused_near_mappings),
	/* BEGIN HIDDEN brk */
	KUNIT_CASE(brk_shrink_after_user_unmapped_heap),
	/* END HIDDEN brk */
	KUNIT_CASE(brk_data_rlimit),
	KUNIT_CASE(brk_shrink_across_mprotect_split),
	KUNIT_CASE(split_vma_halves),
	KUNIT_CASE(munmap_detached_tree),
	KUNIT_CASE(free_pgtables_exactly_empty),
	KUNIT_CASE(vma_merge_cases),
	KUNIT_CASE(mmap_placement_and_errors),
	KUNIT_CASE(faults_zero_page_and_write),
	KUNIT_CASE(fault_handler_decisions),
	KUNIT_CASE(fork_copies_vmas_and_brk),
	KUNIT_CASE(fork_shares_pages_read_only),
	KUNIT_CASE(cow_write_copies_then_last_holder_reuses),
	/* BEGIN HIDDEN cow */
	KUNIT_CASE(cow_unmap_of_both_frees_the_page),
	/* END HIDDEN cow */
	KUNIT_CASE(mprotect_keeps_cow_page_read_only),
	KUNIT_CASE(mremap_moves_ptes_not_pages),
	KUNIT_CASE(mremap_moves_across_pmds),
	KUNIT_CASE(mremap_grows_in_place_and_merges),
	KUNIT_CASE(madvise_dontneed_frees_pages),
	KUNIT_CASE(madvise_dontfork_splits_and_fork_skips),
	KUNIT_CASE(mmap_search_cache_is_exact),
	KUNIT_CASE(no_leaks),
	{}
};

static struct kunit_suite mmap_test_suite = {
	.name = "mmap",
	.test_cases = mmap_test_cases,
};
kunit_test_suite(mmap_test_suite);
