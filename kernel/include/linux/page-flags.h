/* SPDX-License-Identifier: MIT */
/* struct page flag bits and their test/set/clear helpers. */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,	/* never given to the buddy allocator (holes, kernel image) */
	PG_buddy,	/* free block head in the buddy allocator; private = order */
	PG_slab,	/* first page of a slab; slab_cache etc. are valid */
	PG_head,	/* first page of a multi-page allocation (order in private) */
	PG_pgtable,	/* holds a page table */
};

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{ return page->flags & (1UL << PG_##bit); }				\
static inline void __SetPage##name(struct page *page)			\
{ page->flags |= 1UL << PG_##bit; }					\
static inline void __ClearPage##name(struct page *page)		\
{ page->flags &= ~(1UL << PG_##bit); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(Table, pgtable)

#undef PAGEFLAG

#endif
