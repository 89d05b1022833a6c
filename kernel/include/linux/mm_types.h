/* SPDX-License-Identifier: MIT */
/*
 * struct page: one per physical page frame, in the array mem_map.
 * The union holds what the page's current owner needs: the buddy
 * allocator's free-list linkage and order, or the slab allocator's
 * bookkeeping (the slab's first page describes the whole slab).
 * mm_struct and vm_area_struct describe a process's address space.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/maple_tree.h>
#include <asm/pgtable.h>

struct kmem_cache;
struct file;

struct page {
	unsigned long flags;		/* PG_* bits, see linux/page-flags.h */
	union {
		struct {		/* free in the buddy allocator */
			struct list_head buddy_list;	/* in free_area[order] */
			unsigned long private;		/* order of a PageBuddy or PG_head block */
		};
		struct {		/* owned by the slab allocator */
			struct list_head slab_list;	/* full/partial/free list */
			struct kmem_cache *slab_cache;	/* owning cache */
			void *freelist;			/* first free object */
			unsigned int inuse;		/* objects allocated */
			unsigned int objects;		/* objects in the slab */
		};
		struct {		/* a tail page of a multi-page block */
			unsigned long compound_head;	/* head page | 1 */
		};
	};
	int _refcount;			/* users of the page; 0 when free */
	int _mapcount;			/* user page-table mappings - 1 */
};

/* vm_flags bits, Linux's values (include/linux/mm.h). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_LOCKED	0x00002000UL
#define VM_SEQ_READ	0x00008000UL	/* madvise hints: sequential, */
#define VM_RAND_READ	0x00010000UL	/* random access */
#define VM_DONTCOPY	0x00020000UL	/* MADV_DONTFORK: fork leaves it out */
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL
#define VM_WIPEONFORK	0x02000000UL	/* MADV_WIPEONFORK: the child gets it empty */
#define VM_DONTDUMP	0x04000000UL	/* MADV_DONTDUMP: not in core dumps */
#define VM_STACK	VM_GROWSDOWN
/*
 * x86's VM_DATA_DEFAULT_FLAGS is VM_DATA_FLAGS_TSK_EXEC: VM_EXEC only for
 * READ_IMPLIES_EXEC personalities, which this kernel has not. So the heap
 * and the stack read "rw-p" in /proc/PID/maps, as on Linux.
 */
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS	(VM_DATA_DEFAULT_FLAGS | VM_GROWSDOWN | VM_ACCOUNT)

/*
 * A virtual memory area: one contiguous range [vm_start, vm_end) of a
 * process's address space with one set of permissions. VMAs are found
 * only through the mm's maple tree (find_vma, vma_lookup).
 */
struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* one past the last address */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	pgprot_t vm_page_prot;		/* PTE bits for pages of this area */
	unsigned long vm_flags;		/* VM_* */
	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct file *vm_file;		/* mapped file (for /proc maps), or NULL */
	/*
	 * Stands for the identity of Linux's vma->anon_vma: 0 until the first
	 * page is written (anon_vma_prepare), then a number shared by the
	 * VMAs split from this one. Two VMAs with different nonzero numbers
	 * never merge, as in Linux's is_mergeable_anon_vma().
	 */
	unsigned long anon_vma_id;
};

/* Resident-page counters (Linux's rss_stat). */
enum {
	MM_FILEPAGES,	/* pages of file mappings */
	MM_ANONPAGES,	/* anonymous pages */
	NR_MM_COUNTERS
};

/* A process's address space. */
struct mm_struct {
	struct maple_tree mm_mt;	/* the VMAs, by address (MT_FLAGS_ALLOC_RANGE) */
	pgd_t *pgd;			/* top-level page table (PML4) */
	int mm_users;			/* tasks using this mm */
	int map_count;			/* number of VMAs */
	unsigned long mmap_base;	/* top of the top-down mmap area */
	unsigned long free_area_cache;	/* top-down searches may start below it */
	unsigned long cached_hole_size;	/* no free range in [free_area_cache, mmap_base) is larger */
	unsigned long task_size;	/* TASK_SIZE */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;		/* pages mapped */
	unsigned long data_vm;		/* pages in private writable non-stack VMAs */
	unsigned long exec_vm;		/* pages in executable non-stack VMAs */
	unsigned long stack_vm;		/* pages in VM_GROWSDOWN VMAs */
	unsigned long rss_stat[NR_MM_COUNTERS];
	unsigned long hiwater_rss, hiwater_vm;
	unsigned long def_flags;
};

#endif
