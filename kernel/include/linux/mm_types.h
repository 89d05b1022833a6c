/* SPDX-License-Identifier: MIT */
/*
 * struct page: one per physical page frame, in the array mem_map.
 * The union holds what the page's current owner needs: the buddy
 * allocator's free-list linkage and order, or the slab allocator's
 * bookkeeping (the slab's first page describes the whole slab).
 * mm_struct and vm_area_struct join this header with the user-space work.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits, see linux/page-flags.h */
	union {
		struct {		/* free in the buddy allocator */
			struct list_head buddy_list;	/* in free_area[order] */
			unsigned long private;		/* order, while PageBuddy */
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

#endif
