/* SPDX-License-Identifier: MIT */
/*
 * The buddy allocator's interface (kernel/mm/page_alloc.c), in Linux 6.1's names.
 * A block of order n is 2^n physically contiguous pages, aligned to its size.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mm_types.h>

#define ___GFP_ZERO	0x100u
#define ___GFP_NOWARN	0x200u

#define __GFP_ZERO	((gfp_t)___GFP_ZERO)	/* return zeroed memory */
#define __GFP_NOWARN	((gfp_t)___GFP_NOWARN)	/* no message on failure */
#define GFP_KERNEL	((gfp_t)0)
#define GFP_ATOMIC	((gfp_t)0)
#define GFP_NOWAIT	((gfp_t)0)

struct page *alloc_pages(gfp_t gfp, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

#endif
